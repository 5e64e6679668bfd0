package io.homeport.platform.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void theWaitDoublesFromTheBaseUpToTheCap() {
        Duration base = Duration.ofSeconds(30);
        Duration cap = Duration.ofHours(1);

        assertThat(Backoff.after(1, base, cap)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Backoff.after(2, base, cap)).isEqualTo(Duration.ofMinutes(1));
        assertThat(Backoff.after(3, base, cap)).isEqualTo(Duration.ofMinutes(2));
        assertThat(Backoff.after(7, base, cap)).isEqualTo(Duration.ofMinutes(32));
        assertThat(Backoff.after(8, base, cap)).isEqualTo(cap);
        assertThat(Backoff.after(1000, base, cap)).isEqualTo(cap);
    }
}
