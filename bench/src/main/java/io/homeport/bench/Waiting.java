package io.homeport.bench;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Polling until something holds, for the benchmarks' set-up (not for what they measure). */
final class Waiting {

    static void until(Callable<Boolean> condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up after " + timeout.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
    }

    private Waiting() {
    }
}
