package io.homeport.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterBackoffTest {

    private static final class Unavailable extends RuntimeException implements RetryAfterAware {
        private final Duration asked;

        Unavailable(Duration asked) {
            this.asked = asked;
        }

        @Override
        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(asked);
        }
    }

    @Test
    void theDelayDoublesUpToItsCeiling() {
        RetryAfterBackoff backoff = new RetryAfterBackoff();
        backoff.init(3_000);
        RuntimeException failure = new IllegalStateException("down");

        assertThat(backoff.nextDelayInMillis(failure)).isEqualTo(3_000);
        assertThat(backoff.nextDelayInMillis(failure)).isEqualTo(6_000);
        assertThat(backoff.nextDelayInMillis(failure)).isEqualTo(RetryAfterBackoff.MAX_DELAY_MS);
        assertThat(backoff.nextDelayInMillis(failure)).isEqualTo(RetryAfterBackoff.MAX_DELAY_MS);
    }

    @Test
    void aLongerRetryAfterIsWaitedOutWithinItsBound() {
        RetryAfterBackoff backoff = new RetryAfterBackoff();
        backoff.init(500);

        assertThat(backoff.nextDelayInMillis(new Unavailable(Duration.ofSeconds(2)))).isEqualTo(2_000);
        assertThat(backoff.nextDelayInMillis(new Unavailable(null))).isEqualTo(1_000);
        assertThat(backoff.nextDelayInMillis(new Unavailable(Duration.ofMillis(100)))).isEqualTo(2_000);
        assertThat(backoff.nextDelayInMillis(new Unavailable(Duration.ofHours(1))))
                .isEqualTo(RetryAfterBackoff.MAX_RETRY_AFTER_MS);
    }

    @Test
    void onlyTheDeltaSecondsFormOfTheHeaderIsRead() {
        assertThat(RetryAfterAware.parseHeader(" 7 ")).isEqualTo(Duration.ofSeconds(7));
        assertThat(RetryAfterAware.parseHeader("Wed, 21 Oct 2015 07:28:00 GMT")).isNull();
        assertThat(RetryAfterAware.parseHeader("-1")).isNull();
        assertThat(RetryAfterAware.parseHeader(null)).isNull();
    }
}
