package io.homeport.storage.support;

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

/** Directory trees a volume might hold, made with known content and compared by the SHA-256 of every file. */
public final class FileTrees {

    /** A random MiB ({@code a.bin}), a note and a write-ahead log segment in subdirectories. */
    public static Path volume(Path root) throws IOException {
        Files.createDirectories(root.resolve("notes"));
        Files.createDirectories(root.resolve("db/wal"));
        byte[] data = new byte[1024 * 1024];
        new Random(11).nextBytes(data);
        Files.write(root.resolve("a.bin"), data);
        Files.writeString(root.resolve("notes/b.txt"), "hi\n");
        Files.writeString(root.resolve("db/wal/0001"), "write-ahead log\n");
        return root;
    }

    /** Relative path → SHA-256 of every file under {@code root}: equal maps, byte-identical trees. */
    public static Map<String, String> sha256s(Path root) throws IOException {
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
