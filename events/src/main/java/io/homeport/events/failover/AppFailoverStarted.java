package io.homeport.events.failover;

import java.time.Instant;
import java.util.UUID;

/**
 * The deployer decided to move an app off a host: a deployment of its current spec is placed on {@code toHostId}
 * (queued until the new host holds the app's volume leases). {@link AppMoved} follows once its replicas are there.
 *
 * @param reason {@code host-lost} (automatic failover) or {@code evacuated} (an operator evacuated the host)
 */
public record AppFailoverStarted(String app, UUID fromHostId, UUID toHostId, String reason, UUID deploymentId,
        Instant at) {
}
