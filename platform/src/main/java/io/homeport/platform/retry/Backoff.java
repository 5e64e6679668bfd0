package io.homeport.platform.retry;

import java.time.Duration;

/**
 * How long work retried from the database waits after a failure (a webhook delivery, a tunnel's reconcile):
 * {@code base} after the first failure, doubling with each, at most {@code cap}.
 */
public final class Backoff {

    private Backoff() {
    }

    /** @param failures failed attempts so far (1 after the first) */
    public static Duration after(int failures, Duration base, Duration cap) {
        int doublings = Math.max(0, Math.min(failures - 1, 30));
        Duration wait = base.multipliedBy(1L << doublings);
        return wait.compareTo(cap) > 0 || wait.isNegative() ? cap : wait;
    }
}
