package io.homeport.agent.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Directory trees for rclone tests: made with known content, and compared byte for byte (a helper, not a test). */
final class FileTrees {

    /** A file of {@code megabytes} random MiB ({@code a.bin}) and a small text file in a subdirectory. */
    static Path tree(Path root, int megabytes) throws IOException {
        Files.createDirectories(root.resolve("notes"));
        byte[] data = new byte[megabytes * 1024 * 1024];
        new Random(7).nextBytes(data);
        Files.write(root.resolve("a.bin"), data);
        Files.writeString(root.resolve("notes/b.txt"), "hi\n");
        return root;
    }

    /** The SHA-256 of every file under {@code root}, by path relative to it: equal maps, byte-identical trees. */
    static Map<String, String> sha256s(Path root) throws IOException {
        Map<String, String> sums = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).forEach(file -> sums.put(root.relativize(file).toString(), sha256(file)));
        }
        return sums;
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private FileTrees() {
    }
}
