package io.homeport.platform.http;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;

/**
 * Exponential backoff from the configured retry delay, doubling up to {@link #MAX_DELAY_MS}, except that a
 * failure's {@code Retry-After} ({@link RetryAfterAware}) is waited out when it asks for longer, up to
 * {@link #MAX_RETRY_AFTER_MS}. SmallRye creates one per invocation, so the attempt count is per call.
 */
public class RetryAfterBackoff implements CustomBackoffStrategy {

    static final long MAX_DELAY_MS = 10_000;
    static final long MAX_RETRY_AFTER_MS = 30_000;

    private long nextDelay;

    @Override
    public void init(long initialDelayInMillis) {
        nextDelay = initialDelayInMillis;
    }

    @Override
    public long nextDelayInMillis(Throwable cause) {
        long backoff = nextDelay;
        nextDelay = Math.min(nextDelay * 2, MAX_DELAY_MS);
        if (cause instanceof RetryAfterAware aware) {
            long asked = aware.retryAfter().map(d -> Math.min(d.toMillis(), MAX_RETRY_AFTER_MS)).orElse(0L);
            return Math.max(backoff, asked);
        }
        return backoff;
    }
}
