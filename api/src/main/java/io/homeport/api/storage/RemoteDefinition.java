package io.homeport.api.storage;

import jakarta.validation.constraints.NotBlank;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An rclone remote as a user defines it: its rclone {@code type} and its rclone options, exactly as
 * {@code rclone config} names them. Options that are credentials ({@code pass}, {@code token},
 * {@code service_account_credentials}, {@code client_secret}, {@code secret_access_key}, {@code key_pem},
 * {@code bearer_token}, ...) are stored encrypted and never shown again; passwords are given in clear, Homeport
 * obscures them for rclone.
 */
@Schema(description = "An rclone remote: its type (drive, sftp, webdav, s3) and rclone options; credentials are "
        + "stored encrypted and never returned.")
public record RemoteDefinition(
        @NotBlank(message = "is required: drive, sftp, webdav or s3") String type,
        @Schema(description = "rclone options by their rclone names, e.g. {\"host\": \"nas.lan\", \"user\": \"me\", "
                + "\"pass\": \"…\"}") Map<String, String> options) {

    public RemoteDefinition {
        options = options == null ? Map.of() : Map.copyOf(options);
    }
}
