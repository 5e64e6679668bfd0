package io.homeport.events.failover;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Every app an evacuation moved has arrived on its new host ({@code moved}; empty when there was nothing to move). */
public record HostEvacuationCompleted(UUID hostId, List<String> moved, Instant at) {
}
