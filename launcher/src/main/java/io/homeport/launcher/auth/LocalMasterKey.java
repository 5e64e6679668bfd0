package io.homeport.launcher.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The master key the services encrypt secrets at rest with, for a control plane run on one machine: 32 random
 * bytes made on first use and kept under the launcher's home (readable by its owner only), handed to every
 * service as {@code HOMEPORT_MASTER_KEY}. Losing the file loses the stored secrets.
 */
public final class LocalMasterKey {

    private LocalMasterKey() {
    }

    /** The environment that gives every service the key in {@code dir}, made first when missing. */
    public static Map<String, String> environment(Path dir) {
        Path file = dir.resolve("master-key");
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.createDirectories(dir);
                Path partial = dir.resolve("master-key.new");
                Files.writeString(partial, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
                Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return Map.of("HOMEPORT_MASTER_KEY", Files.readString(file, StandardCharsets.US_ASCII).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the master key in " + dir, e);
        }
    }
}
