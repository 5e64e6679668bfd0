package io.homeport.provisioner.liveness;

import io.homeport.provisioner.config.ProvisionerConfig;
import java.time.Duration;
import java.time.Instant;

/**
 * Decides a host's liveness from its last heartbeat. Both grace periods run from the heartbeat expected next,
 * {@code lastHeartbeat + heartbeatInterval}: a host is SUSPECT once that one is more than {@code suspectAfter} late
 * and LOST once it is more than {@code lostAfter} late.
 */
public record LivenessRule(Duration heartbeatInterval, Duration suspectAfter, Duration lostAfter) {

    public LivenessRule {
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
            throw new IllegalArgumentException(
                    "homeport.provisioner.liveness.heartbeat-interval must be positive: " + heartbeatInterval);
        }
        if (suspectAfter.isNegative()) {
            throw new IllegalArgumentException(
                    "homeport.provisioner.liveness.suspect-after must not be negative: " + suspectAfter);
        }
        if (suspectAfter.compareTo(lostAfter) >= 0) {
            throw new IllegalArgumentException("homeport.provisioner.liveness.suspect-after (" + suspectAfter
                    + ") must be shorter than homeport.provisioner.liveness.lost-after (" + lostAfter + ")");
        }
    }

    /** The configured rule; {@code suspect-after} defaults to half the heartbeat interval. */
    public static LivenessRule of(ProvisionerConfig.Liveness config) {
        return new LivenessRule(config.heartbeatInterval(),
                config.suspectAfter().orElse(config.heartbeatInterval().dividedBy(2)), config.lostAfter());
    }

    /** @param lastHeartbeat null when none was received */
    public LivenessStatus evaluate(Instant lastHeartbeat, Instant now) {
        if (lastHeartbeat == null) {
            return LivenessStatus.UNKNOWN;
        }
        if (lastHeartbeat.isBefore(lostBefore(now))) {
            return LivenessStatus.LOST;
        }
        if (lastHeartbeat.isBefore(suspectBefore(now))) {
            return LivenessStatus.SUSPECT;
        }
        return LivenessStatus.ONLINE;
    }

    /** A host whose last heartbeat is before this is (at least) SUSPECT at {@code now}. */
    public Instant suspectBefore(Instant now) {
        return now.minus(heartbeatInterval).minus(suspectAfter);
    }

    /** A host whose last heartbeat is before this is LOST at {@code now}. */
    public Instant lostBefore(Instant now) {
        return now.minus(heartbeatInterval).minus(lostAfter);
    }
}
