package io.homeport.events.host;

import java.time.Instant;
import java.util.UUID;

/**
 * A host's agent is heartbeating: the host is online again (or for the first time). Emitted by the provisioner when
 * its liveness turns ONLINE from unknown, suspect or lost.
 *
 * @param hostId          the aggregate id
 * @param lastHeartbeatAt the heartbeat that made it online
 * @param at              when the provisioner decided
 */
public record HostOnline(UUID hostId, Instant lastHeartbeatAt, Instant at) {
}
