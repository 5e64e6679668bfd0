package io.homeport.provisioner.liveness;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Looks for hosts whose heartbeats stopped (or, rarely, resumed unnoticed) and changes their status, one host and
 * one transaction at a time. Safe with several replicas: each change is made under the host's row lock, and a row
 * another replica holds is passed over.
 */
@ApplicationScoped
class LivenessCheck {

    private static final Logger LOG = Logger.getLogger(LivenessCheck.class);

    private final LivenessService liveness;
    /**
     * Heartbeats sent while this service was down wait in Kafka; until they are read, every host would look lost.
     * Judging starts once a whole lost period has passed since start-up.
     */
    private final Instant judgingFrom;

    LivenessCheck(LivenessService liveness) {
        this.liveness = liveness;
        LivenessRule rule = liveness.rule();
        this.judgingFrom = Instant.now().plus(rule.heartbeatInterval()).plus(rule.lostAfter());
    }

    @Scheduled(every = "${homeport.provisioner.liveness.check-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void check() {
        if (Instant.now().isBefore(judgingFrom)) {
            return;
        }
        for (UUID hostId : liveness.due()) {
            try {
                liveness.judge(hostId);
            } catch (RuntimeException e) {
                // the next check tries again; the other hosts must not wait for this one
                LOG.warnf(e, "could not judge the liveness of host %s", hostId);
            }
        }
    }
}
