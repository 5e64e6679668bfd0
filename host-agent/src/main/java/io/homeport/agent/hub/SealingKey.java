package io.homeport.agent.hub;

import io.homeport.agent.protocol.SecretSealing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * The agent's own key pair for secrets sealed to it ({@link SecretSealing}): made on first start, kept in the state
 * directory readable by the agent only, its public half offered in every hello. Losing it only means the deployer
 * seals to the new key the agent offers next.
 */
public final class SealingKey {

    private static final String FILE = "sealing-key.jwk";

    public static PublicJsonWebKey loadOrCreate(Path stateDir) {
        Path file = stateDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return PublicJsonWebKey.Factory.newPublicJwk(Files.readString(file, StandardCharsets.UTF_8));
            }
            PublicJsonWebKey key = SecretSealing.newKey();
            Files.createDirectories(stateDir);
            Path partial = stateDir.resolve(FILE + ".new");
            Files.writeString(partial, key.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE),
                    StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the sealing key in " + stateDir, e);
        } catch (JoseException e) {
            throw new IllegalStateException(file + " holds no usable key: remove it to make a new one", e);
        }
    }

    private SealingKey() {
    }
}
