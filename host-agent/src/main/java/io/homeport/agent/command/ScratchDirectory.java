package io.homeport.agent.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A private temporary directory (mode 0700) for the files a command hands to rclone and reads back (checksum lists,
 * reports), removed with everything in it when the command ends. Files in it are named, not made, each name used
 * once, so rclone writes them fresh: a file rclone finds already there may be skipped as "unchanged", and a step that
 * fails before writing its file must not leave an earlier step's file to be read as its own.
 */
final class ScratchDirectory implements AutoCloseable {

    private final Path directory;
    private int made;

    ScratchDirectory() {
        try {
            directory = Files.createTempDirectory("homeport-command",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary directory for the command", e);
        }
    }

    /** A path of its own in this directory, for a file not yet written. */
    Path file(String name) {
        return directory.resolve(++made + "-" + name);
    }

    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the temporary directory " + directory, e);
        }
    }
}
