package io.homeport.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Removes a file, or a directory shared by test hosts once the last host is gone (one still in use stays). */
final class Leftovers {

    static void removeIfUnused(Path path) {
        try {
            Files.deleteIfExists(path); // for a directory an rmdir: fails while it has entries (a cgroup: children)
        } catch (IOException inUse) {
            // another host still uses it
        }
    }

    private Leftovers() {
    }
}
