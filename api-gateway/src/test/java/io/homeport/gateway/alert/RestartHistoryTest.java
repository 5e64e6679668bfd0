package io.homeport.gateway.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RestartHistoryTest {

    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void countsTheIncreasesOfTheCountWithinTheWindow() {
        RestartHistory history = RestartHistory.baseline(7, at(0));
        assertThat(history.restartsWithin(WINDOW, at(0))).as("restarts before the first report do not count")
                .isZero();

        history = history.observe(8, at(60), WINDOW).observe(8, at(90), WINDOW).observe(10, at(120), WINDOW);

        assertThat(history.lastCount()).isEqualTo(10);
        assertThat(history.restartsWithin(WINDOW, at(120))).isEqualTo(3);
    }

    @Test
    void restartsOutsideTheWindowAreDropped() {
        RestartHistory history = RestartHistory.baseline(0, at(0))
                .observe(1, at(10), WINDOW).observe(2, at(20), WINDOW).observe(3, at(400), WINDOW);

        assertThat(history.restartsWithin(WINDOW, at(400))).as("two of the three are older than 5 minutes")
                .isEqualTo(1);
        assertThat(history.restarts()).containsExactly(at(400));
    }

    @Test
    void aCountThatWentDownIsANewStartNotARestart() {
        RestartHistory history = RestartHistory.baseline(5, at(0)).observe(6, at(10), WINDOW)
                .observe(0, at(20), WINDOW);

        assertThat(history.lastCount()).isZero();
        assertThat(history.restartsWithin(WINDOW, at(20))).isEqualTo(1);
        assertThat(history.observe(2, at(30), WINDOW).restartsWithin(WINDOW, at(30))).isEqualTo(3);
    }

    @Test
    void aReportNoLaterThanTheLastSeenChangesNothing() {
        RestartHistory history = RestartHistory.baseline(2, at(0)).observe(5, at(100), WINDOW);

        assertThat(history.observe(3, at(50), WINDOW)).isSameAs(history);
        assertThat(history.observe(9, at(100), WINDOW)).as("the same report redelivered").isSameAs(history);
    }

    @Test
    void keepsABoundedNumberOfRestarts() {
        RestartHistory history = RestartHistory.baseline(0, at(0)).observe(1000, at(1), WINDOW);

        assertThat(history.restarts()).hasSize(RestartHistory.MAX_KEPT);
    }
}
