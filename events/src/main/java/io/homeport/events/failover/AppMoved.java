package io.homeport.events.failover;

import java.time.Instant;
import java.util.UUID;

/**
 * An app's replicas now belong to {@code toHostId}: its desired state holds them (with the volume leases it was
 * granted), {@code fromHostId}'s no longer does.
 *
 * @param reason {@code host-lost} or {@code evacuated}, as in {@link AppFailoverStarted}
 */
public record AppMoved(String app, UUID fromHostId, UUID toHostId, String reason, UUID deploymentId, Instant at) {
}
