package io.homeport.events.failover;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An operator evacuated a host: it is drained (nothing new is placed on it until it is un-drained) and the apps in
 * {@code moving} are on their way to other hosts (to {@code toHostId} when one was named); those in {@code stranded}
 * could not move (each gets an {@link AppFailoverStranded} with the reason).
 */
public record HostEvacuationStarted(UUID hostId, UUID toHostId, List<String> moving, List<String> stranded,
        Instant at) {
}
