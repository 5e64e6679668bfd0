package io.homeport.events.host;

import java.time.Instant;
import java.util.UUID;

/**
 * A host's heartbeats stopped for longer than the grace period: it is lost, and its apps may fail over
 * (brief §5). A later {@link HostOnline} says it is back.
 *
 * @param hostId          the aggregate id
 * @param lastHeartbeatAt the last heartbeat the provisioner received
 * @param at              when the provisioner decided
 */
public record HostLost(UUID hostId, Instant lastHeartbeatAt, Instant at) {
}
