package io.homeport.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * FUSE for tests that mount a remote with {@code rclone mount} (the agent's shared mount): the kernel's
 * {@code /dev/fuse}, {@code fusermount3} (Debian package {@code fuse3}, which CI installs) and root.
 */
public final class Fuse {

    private static final Path DEVICE = Path.of("/dev/fuse");

    /** Skips the test on a machine without {@code /dev/fuse}; skips or fails (see {@link Unavailable}) otherwise. */
    public static void require() {
        if (!Files.exists(DEVICE)) {
            // a kernel device, not a package: CI cannot install it, so a machine without it skips even there
            Unavailable.skip(DEVICE + " is missing: this machine (or container) offers no FUSE");
        }
        Unavailable.requireCommands("apt-get install -y fuse3", "fusermount3");
        Unavailable.requireRoot("mounting with FUSE");
    }

    private Fuse() {
    }
}
