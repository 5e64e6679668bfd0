package io.homeport.testkit;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** The machine's rclone for integration tests (Debian package {@code rclone}; CI installs it). */
public final class Rclone {

    /** Returns the rclone binary to run, once {@code rclone version} works. */
    public static String require() {
        try {
            Process version = new ProcessBuilder("rclone", "version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0) {
                return "rclone";
            }
            throw Unavailable.skipOrFail("rclone version failed", null);
        } catch (IOException e) {
            throw Unavailable.skipOrFail("rclone is not installed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Rclone() {
    }
}
