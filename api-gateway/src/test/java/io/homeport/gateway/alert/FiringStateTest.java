package io.homeport.gateway.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.homeport.gateway.alert.FiringState.Decision;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FiringStateTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void raisesOnceWhileTheConditionLastsAndAgainAfterItEnded() {
        FiringState state = null;
        assertThat(FiringState.decide(state, true, at(0), null)).isEqualTo(Decision.RAISE);
        state = new FiringState(false, null, Instant.EPOCH).after(Decision.RAISE, at(0));

        assertThat(FiringState.decide(state, true, at(1), null)).as("still firing").isEqualTo(Decision.NONE);
        assertThat(FiringState.decide(state, true, at(60), null)).as("however long").isEqualTo(Decision.NONE);

        Decision clear = FiringState.decide(state, false, at(61), null);
        assertThat(clear).isEqualTo(Decision.CLEAR);
        state = state.after(clear, at(61));
        assertThat(state.firing()).isFalse();
        assertThat(FiringState.decide(state, false, at(62), null)).isEqualTo(Decision.NONE);

        assertThat(FiringState.decide(state, true, at(63), null)).as("began anew").isEqualTo(Decision.RAISE);
    }

    @Test
    void anObservationNoLaterThanTheLastChangeChangesNothing() {
        FiringState cleared = new FiringState(false, at(0), at(5));

        assertThat(FiringState.decide(cleared, true, at(3), null)).as("a redelivered older report")
                .isEqualTo(Decision.NONE);
        assertThat(FiringState.decide(cleared, true, at(5), null)).as("the same one again").isEqualTo(Decision.NONE);
        assertThat(FiringState.decide(cleared, true, at(6), null)).isEqualTo(Decision.RAISE);
        FiringState firing = new FiringState(true, at(5), at(5));
        assertThat(FiringState.decide(firing, false, at(4), null)).isEqualTo(Decision.NONE);
    }

    @Test
    void withAReFireIntervalRaisesAtMostOncePerInterval() {
        Duration window = Duration.ofMinutes(5);
        FiringState raised = new FiringState(true, at(0), at(0));

        assertThat(FiringState.decide(raised, true, at(4), window)).isEqualTo(Decision.NONE);
        assertThat(FiringState.decide(raised, true, at(5), window)).isEqualTo(Decision.RAISE);
        assertThat(FiringState.decide(new FiringState(false, at(0), at(1)), true, at(3), window))
                .as("not again within the window, even after it cleared").isEqualTo(Decision.NONE);
        assertThat(FiringState.decide(null, true, at(0), window)).isEqualTo(Decision.RAISE);
    }
}
