package io.homeport.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
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

    /** Skips, even under {@code CI=true}: for what no package provides, such as a kernel device. */
    static void skip(String reason) {
        Assumptions.abort(reason);
    }

    /** Skips or fails (as {@link #skipOrFail}) unless every one of {@code commands} is on the PATH. */
    static void requireCommands(String install, String... commands) {
        for (String command : commands) {
            if (Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                    .noneMatch(dir -> Files.isExecutable(Path.of(dir, command)))) {
                throw skipOrFail(command + " is not installed (" + install + ")", null);
            }
        }
    }

    /**
     * Skips or fails unless every one of {@code files} is executable: for daemons in {@code /usr/sbin}, which is not
     * on every user's PATH.
     */
    static void requireExecutables(String install, Path... files) {
        for (Path file : files) {
            if (!Files.isExecutable(file)) {
                throw skipOrFail(file + " is not installed (" + install + ")", null);
            }
        }
    }

    /** Skips or fails unless this JVM runs as root (for daemons that switch users or mount). */
    static void requireRoot(String why) {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw skipOrFail(why + " needs root", null);
        }
    }

    private Unavailable() {
    }
}
