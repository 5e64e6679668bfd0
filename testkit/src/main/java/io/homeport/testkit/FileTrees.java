package io.homeport.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Directory trees a volume might hold, made with known content, and compared by the SHA-256 of every file: how
 * tests and benchmarks prove that a sync, backup or restore round trip is byte for byte.
 */
public final class FileTrees {

    /**
     * {@code megabytes} random MiB ({@code a.bin}), a note ({@code notes/b.txt}, "hi") and a write-ahead log segment
     * ({@code db/wal/0001}) in subdirectories.
     */
    public static Path volume(Path root, int megabytes) throws IOException {
        Files.createDirectories(root.resolve("notes"));
        Files.createDirectories(root.resolve("db/wal"));
        byte[] data = new byte[megabytes * 1024 * 1024];
        new Random(7).nextBytes(data);
        Files.write(root.resolve("a.bin"), data);
        Files.writeString(root.resolve("notes/b.txt"), "hi\n");
        Files.writeString(root.resolve("db/wal/0001"), "write-ahead log\n");
        return root;
    }

    /** Relative path → SHA-256 of every file under {@code root}: equal maps, byte-identical trees. */
    public static Map<String, String> sha256s(Path root) {
        Map<String, String> sums = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).forEach(file -> sums.put(root.relativize(file).toString(), sha256(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sums;
    }

    private static String sha256(Path file) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FileTrees() {
    }
}
