package io.homeport.testkit;

import org.junit.jupiter.api.Assumptions;

/**
 * What a test does when something it needs from the machine (a Docker engine, rclone) is missing: skip on a
 * developer's machine, fail under {@code CI=true}, where {@code .ci/run} installs and starts all of it.
 */
final class Unavailable {

    static RuntimeException skipOrFail(String reason, Throwable cause) {
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(reason + " (CI must provide it: see .ci/run)", cause);
        }
        Assumptions.abort(reason);
        return new IllegalStateException(reason, cause); // not reached: abort throws
    }

    private Unavailable() {
    }
}
