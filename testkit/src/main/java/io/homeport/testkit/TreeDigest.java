package io.homeport.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The SHA-256 of a directory tree: every regular file's relative path and content, in path order. Two trees with
 * the same digest hold the same files with the same bytes; how tests prove a sync, backup or restore round trip.
 */
public final class TreeDigest {

    /** The digest of every regular file under {@code root}. */
    public static String of(Path root) {
        return of(root, path -> true);
    }

    /** The digest of the regular files under {@code root} whose relative path {@code include} accepts. */
    public static String of(Path root, Predicate<Path> include) {
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> files = walk.filter(Files::isRegularFile).map(root::relativize).filter(include).sorted().toList();
            MessageDigest tree = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (Path file : files) {
                tree.update(file.toString().getBytes(StandardCharsets.UTF_8));
                tree.update((byte) 0);
                try (InputStream in = Files.newInputStream(root.resolve(file))) {
                    for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                        tree.update(buffer, 0, read);
                    }
                }
                tree.update((byte) 0);
            }
            return files.size() + " files, sha256 " + HexFormat.of().formatHex(tree.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private TreeDigest() {
    }
}
