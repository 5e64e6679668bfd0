package io.homeport.platform.http;

import java.time.Duration;
import java.util.Optional;

/**
 * A failure of a remote API that asked to be called again later, perhaps saying when ({@code Retry-After}).
 * {@link RetryAfterBackoff} waits at least that long before the next try.
 */
public interface RetryAfterAware {

    /** How long the API asked to wait, if it said. */
    Optional<Duration> retryAfter();

    /**
     * A {@code Retry-After} header's wait, or null: only the delta-seconds form is read; an HTTP-date (rare from
     * APIs) is left to the regular backoff.
     */
    static Duration parseHeader(String value) {
        if (value == null || !value.strip().matches("\\d{1,6}")) {
            return null;
        }
        return Duration.ofSeconds(Long.parseLong(value.strip()));
    }
}
