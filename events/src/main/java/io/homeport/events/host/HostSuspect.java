package io.homeport.events.host;

import java.time.Instant;
import java.util.UUID;

/**
 * A host missed its expected heartbeat: it may be gone, or only slow. Nothing moves yet; a warning for dashboards.
 *
 * @param hostId          the aggregate id
 * @param lastHeartbeatAt the last heartbeat the provisioner received
 * @param at              when the provisioner decided
 */
public record HostSuspect(UUID hostId, Instant lastHeartbeatAt, Instant at) {
}
