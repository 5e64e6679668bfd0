package io.homeport.events.host;

import java.time.Instant;
import java.util.UUID;

/** A host left the inventory for good: its agent's credentials are revoked and nothing is placed on it. */
public record HostDecommissioned(UUID hostId, String name, Instant at) {
}
