package io.homeport.deployer.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.homeport.deployer.rollout.RolloutGate.Observed;
import io.homeport.deployer.rollout.RolloutGate.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RolloutGateTest {

    private static final UUID HOST = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Duration GATE = Duration.ofSeconds(10);

    private static Observed replica(int n, Long revision, String state, String health, Instant since) {
        return new Observed(n, HOST, revision, state, health, since, false);
    }

    private static Observed successor(Long revision, String state, String health) {
        return new Observed(0, HOST, revision, state, health, NOW, true);
    }

    @Test
    void aStartFirstSuccessorCanFailTheRolloutButPassesOnlyUnderTheReplicasName() {
        assertThat(RolloutGate.judge(2, true, List.of(successor(2L, "running", "healthy")), NOW, GATE))
                .isEqualTo(new Verdict.Pending("replica 0 on host " + HOST
                        + " to take over from the container it replaces"));
        assertThat(RolloutGate.judge(2, true, List.of(successor(2L, "running", "unhealthy")), NOW, GATE))
                .isEqualTo(new Verdict.Failed("replica 0 on host " + HOST + " is unhealthy"));
        assertThat(RolloutGate.judge(2, true, List.of(successor(2L, "exited", null)), NOW, GATE))
                .isInstanceOf(Verdict.Failed.class);
    }

    @Test
    void withAHealthCheckEveryReplicaMustBeHealthyOnTheNewRevision() {
        assertThat(RolloutGate.judge(2, true, List.of(replica(0, 2L, "running", "healthy", NOW),
                replica(1, 2L, "running", "healthy", NOW)), NOW, GATE)).isInstanceOf(Verdict.Passed.class);
        assertThat(RolloutGate.judge(2, true, List.of(replica(0, 2L, "running", "healthy", NOW),
                replica(1, 2L, "running", "starting", NOW)), NOW, GATE))
                .isEqualTo(new Verdict.Pending("replica 1 on host " + HOST + " to become healthy"));
        assertThat(RolloutGate.judge(2, true, List.of(replica(0, 1L, "running", "healthy", NOW)), NOW, GATE))
                .as("still the old revision").isInstanceOf(Verdict.Pending.class);
        assertThat(RolloutGate.judge(2, true, List.of(replica(0, null, null, null, null)), NOW, GATE))
                .as("nothing reported yet").isInstanceOf(Verdict.Pending.class);
        assertThat(RolloutGate.judge(2, true, List.of(replica(0, 2L, "created", null, null)), NOW, GATE))
                .as("created, not started yet").isInstanceOf(Verdict.Pending.class);
    }

    @Test
    void withoutOneReplicasMustKeepRunningForTheGate() {
        assertThat(RolloutGate.judge(1, false, List.of(replica(0, 1L, "running", null, NOW.minusSeconds(10))), NOW,
                GATE)).isInstanceOf(Verdict.Passed.class);
        assertThat(RolloutGate.judge(1, false, List.of(replica(0, 1L, "running", null, NOW.minusSeconds(9))), NOW,
                GATE)).isEqualTo(new Verdict.Pending("replica 0 on host " + HOST + " to keep running for 10 s"));
    }

    @Test
    void anExitedRestartingOrUnhealthyReplicaOfTheNewRevisionFailsAtOnce() {
        for (String state : List.of("exited", "restarting", "dead")) {
            assertThat(RolloutGate.judge(2, false, List.of(replica(0, 2L, state, null, null)), NOW, GATE))
                    .isEqualTo(new Verdict.Failed("replica 0 on host " + HOST + " " + state + " instead of running"));
        }
        assertThat(RolloutGate.judge(2, true, List.of(replica(0, 2L, "running", "unhealthy", NOW)), NOW, GATE))
                .isEqualTo(new Verdict.Failed("replica 0 on host " + HOST + " is unhealthy"));
        assertThat(RolloutGate.judge(2, true, List.of(replica(0, 1L, "exited", null, null)), NOW, GATE))
                .as("the old revision stopping is expected").isInstanceOf(Verdict.Pending.class);
    }
}
