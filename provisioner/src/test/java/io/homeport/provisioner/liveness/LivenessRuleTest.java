package io.homeport.provisioner.liveness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.homeport.provisioner.config.ProvisionerConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LivenessRuleTest {

    private static final Instant LAST = Instant.parse("2026-11-26T10:00:00Z");

    /** The defaults: heartbeat every 10 s, suspect 5 s and lost 10 s after the heartbeat expected at +10 s. */
    private final LivenessRule rule = LivenessRule.of(config(Duration.ofSeconds(10), Optional.empty(),
            Duration.ofSeconds(10)));

    @ParameterizedTest(name = "{0} after the last heartbeat: {1}")
    @CsvSource({
        "PT0S,         ONLINE",
        "PT10S,        ONLINE",   // the next heartbeat is due
        "PT15S,        ONLINE",   // 5 s late: exactly the suspect grace
        "PT15.000001S, SUSPECT",
        "PT20S,        SUSPECT",  // 10 s late: exactly the lost grace
        "PT20.000001S, LOST",
        "PT1H,         LOST",
        "-PT3S,        ONLINE",   // a heartbeat from a clock ahead of ours
    })
    void judgesByHowLateTheExpectedHeartbeatIs(Duration sinceLast, LivenessStatus expected) {
        assertThat(rule.evaluate(LAST, LAST.plus(sinceLast))).isEqualTo(expected);
    }

    @Test
    void aHostNeverHeardFromIsUnknown() {
        assertThat(rule.evaluate(null, LAST)).isEqualTo(LivenessStatus.UNKNOWN);
    }

    @Test
    void theCandidateBoundsAgreeWithTheVerdict() {
        Instant now = LAST.plusSeconds(100);
        assertThat(rule.evaluate(rule.suspectBefore(now), now)).isEqualTo(LivenessStatus.ONLINE);
        assertThat(rule.evaluate(rule.suspectBefore(now).minusNanos(1000), now)).isEqualTo(LivenessStatus.SUSPECT);
        assertThat(rule.evaluate(rule.lostBefore(now), now)).isEqualTo(LivenessStatus.SUSPECT);
        assertThat(rule.evaluate(rule.lostBefore(now).minusNanos(1000), now)).isEqualTo(LivenessStatus.LOST);
    }

    @Test
    void theDefaultSuspectGraceIsHalfTheInterval() {
        LivenessRule fast = LivenessRule.of(config(Duration.ofSeconds(1), Optional.empty(), Duration.ofSeconds(3)));
        assertThat(fast.evaluate(LAST, LAST.plusMillis(1500))).isEqualTo(LivenessStatus.ONLINE);
        assertThat(fast.evaluate(LAST, LAST.plusMillis(1501))).isEqualTo(LivenessStatus.SUSPECT);
        assertThat(fast.evaluate(LAST, LAST.plusMillis(4000))).isEqualTo(LivenessStatus.SUSPECT);
        assertThat(fast.evaluate(LAST, LAST.plusMillis(4001))).isEqualTo(LivenessStatus.LOST);
    }

    @Test
    void anExplicitSuspectGraceIsUsed() {
        LivenessRule rule = LivenessRule.of(config(Duration.ofSeconds(10), Optional.of(Duration.ofSeconds(8)),
                Duration.ofSeconds(10)));
        assertThat(rule.evaluate(LAST, LAST.plusSeconds(17))).isEqualTo(LivenessStatus.ONLINE);
        assertThat(rule.evaluate(LAST, LAST.plusSeconds(19))).isEqualTo(LivenessStatus.SUSPECT);
    }

    @Test
    void suspectMustComeBeforeLost() {
        assertThatThrownBy(() -> LivenessRule.of(config(Duration.ofSeconds(10), Optional.of(Duration.ofSeconds(10)),
                Duration.ofSeconds(10))))
                .hasMessageContaining("homeport.provisioner.liveness.suspect-after (PT10S) must be shorter than")
                .hasMessageContaining("lost-after (PT10S)");
        // the default (half the interval) is checked too: a 30 s interval leaves 15 s, not under 10 s
        assertThatThrownBy(() -> LivenessRule.of(config(Duration.ofSeconds(30), Optional.empty(),
                Duration.ofSeconds(10)))).hasMessageContaining("must be shorter than");
        assertThatThrownBy(() -> LivenessRule.of(config(Duration.ZERO, Optional.empty(), Duration.ofSeconds(10))))
                .hasMessageContaining("heartbeat-interval must be positive");
        assertThatThrownBy(() -> LivenessRule.of(config(Duration.ofSeconds(10), Optional.of(Duration.ofSeconds(-1)),
                Duration.ofSeconds(10)))).hasMessageContaining("suspect-after must not be negative");
    }

    private static ProvisionerConfig.Liveness config(Duration interval, Optional<Duration> suspectAfter,
            Duration lostAfter) {
        return new ProvisionerConfig.Liveness() {
            @Override
            public Duration heartbeatInterval() {
                return interval;
            }

            @Override
            public Optional<Duration> suspectAfter() {
                return suspectAfter;
            }

            @Override
            public Duration lostAfter() {
                return lostAfter;
            }

            @Override
            public Duration checkInterval() {
                return Duration.ofSeconds(1);
            }
        };
    }
}
