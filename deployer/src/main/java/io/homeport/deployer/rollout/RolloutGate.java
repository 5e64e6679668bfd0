package io.homeport.deployer.rollout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The health gate of a rollout, as a pure function of what the agents reported. A replica passes when its
 * container runs the new revision and is {@code healthy} (with a health check) or has kept running for the
 * running gate (without one). The rollout fails as soon as a replica of the new revision has exited, is
 * restarting (a crash loop), is dead or is {@code unhealthy}; it passes when every replica passes, and is pending
 * otherwise (a container just created and not started yet, for one).
 */
public final class RolloutGate {

    /**
     * What an agent last said about a replica's container; {@code state} null when nothing was reported yet.
     * {@code successor}: the container is a start-first successor still running beside the replica's old one; it
     * can fail the rollout, but passes only once it has taken the replica's name.
     */
    public record Observed(int replica, UUID hostId, Long revision, String state, String health,
            Instant runningSince, boolean successor) {
    }

    public sealed interface Verdict {
        record Pending(String waitingFor) implements Verdict {
        }

        record Passed() implements Verdict {
        }

        record Failed(String reason) implements Verdict {
        }
    }

    private static final Set<String> FAILED_STATES = Set.of("exited", "restarting", "dead", "removed");

    public static Verdict judge(long revision, boolean healthChecked, List<Observed> replicas, Instant now,
            Duration runningGate) {
        String waitingFor = null;
        for (Observed replica : replicas) {
            String which = "replica " + replica.replica() + " on host " + replica.hostId();
            if (replica.state() == null || replica.revision() == null || replica.revision() != revision) {
                waitingFor = waitingFor != null ? waitingFor : which + " to run revision " + revision;
                continue;
            }
            if (FAILED_STATES.contains(replica.state())) {
                return new Verdict.Failed(which + " " + replica.state() + " instead of running");
            }
            if ("unhealthy".equals(replica.health())) {
                return new Verdict.Failed(which + " is unhealthy");
            }
            boolean passed = "running".equals(replica.state()) && (healthChecked ? "healthy".equals(replica.health())
                    : replica.runningSince() != null && !replica.runningSince().plus(runningGate).isAfter(now));
            if (!passed && waitingFor == null) {
                waitingFor = which + (healthChecked ? " to become healthy" : " to keep running for "
                        + runningGate.toSeconds() + " s");
            } else if (passed && replica.successor() && waitingFor == null) {
                waitingFor = which + " to take over from the container it replaces";
            }
        }
        return waitingFor == null ? new Verdict.Passed() : new Verdict.Pending(waitingFor);
    }

    private RolloutGate() {
    }
}
