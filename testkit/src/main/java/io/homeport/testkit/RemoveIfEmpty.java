package io.homeport.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Removes directories shared by all test hosts once the last host is gone; one still in use stays. */
final class RemoveIfEmpty {

    static void directory(Path directory) {
        try {
            Files.deleteIfExists(directory); // an rmdir: fails on a directory with entries (or a cgroup with children)
        } catch (IOException inUse) {
            // another host still needs it
        }
    }

    private RemoveIfEmpty() {
    }
}
