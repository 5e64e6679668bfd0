package io.homeport.provisioner.liveness;

import java.time.Instant;

/**
 * A host's liveness as last decided (it changes at most one check interval after the rule says so).
 *
 * @param status          ONLINE, SUSPECT or LOST; a host never heard from has no liveness at all
 * @param lastHeartbeatAt the latest heartbeat (or agent connection) received
 * @param since           when the provisioner decided {@code status}
 */
public record HostLiveness(LivenessStatus status, Instant lastHeartbeatAt, Instant since) {
}
