package io.homeport.agent.command;

import io.homeport.agent.protocol.Commands;
import io.homeport.agent.protocol.Frame;
import io.homeport.agent.protocol.SecretSealing;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.jose4j.jwk.PublicJsonWebKey;

/**
 * {@code rclone-config}: replaces the host's rclone config with one sealed to this agent, since it holds the
 * remotes' credentials (OAuth tokens, passwords). The file is made mode 0600 before a byte is written to it, in the
 * config's own directory, then moved over the old one in one step: rclone never reads a half-written config, and the
 * credentials are never readable by others, not even for a moment. Neither the result nor any message holds the
 * config.
 */
final class RcloneConfigCommand {

    private final Path config;
    private final PublicJsonWebKey sealingKey;

    RcloneConfigCommand(Path config, PublicJsonWebKey sealingKey) {
        this.config = config;
        this.sealingKey = sealingKey;
    }

    String replace(Map<String, String> args) {
        String opened;
        try {
            opened = SecretSealing.unseal(sealingKey, Arguments.required(args, Commands.SEALED_CONFIG));
        } catch (IllegalArgumentException e) {
            throw CommandFailure.invalid(Commands.SEALED_CONFIG + " cannot be opened with this agent's key: "
                    + e.getMessage());
        }
        byte[] content = opened.getBytes(StandardCharsets.UTF_8);
        Path directory = config.toAbsolutePath().getParent();
        Path partial = null;
        try {
            Files.createDirectories(directory);
            partial = Files.createTempFile(directory, "." + config.getFileName(), ".new",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (FileChannel file = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                ByteBuffer remaining = ByteBuffer.wrap(content);
                while (remaining.hasRemaining()) {
                    file.write(remaining);
                }
                file.force(true);
            }
            Files.move(partial, config, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new CommandFailure(Frame.Failure.FAILED, "cannot write the rclone config " + config + ": " + e
                    + removePartial(partial));
        }
        return "replaced the rclone config " + config + " (" + content.length + " bytes, "
                + opened.lines().filter(line -> line.strip().startsWith("[")).count() + " remotes, mode 0600)";
    }

    /** Removes what a failed write left; says so when that fails too, for the failure's message. */
    private static String removePartial(Path partial) {
        try {
            if (partial != null) {
                Files.deleteIfExists(partial);
            }
            return "";
        } catch (IOException e) {
            return "; the partial file " + partial + " is left: " + e;
        }
    }
}
