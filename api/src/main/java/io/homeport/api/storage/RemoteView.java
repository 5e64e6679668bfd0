package io.homeport.api.storage;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A remote as Homeport shows it: its options without the credentials, and which credentials are set. */
@Schema(description = "An rclone remote; credentials are named, never shown.")
public record RemoteView(String name, String type, Map<String, String> options,
        @Schema(description = "the credential options that are set (their values are never returned)")
        List<String> credentials,
        @Schema(description = "what Homeport uses it for: SHARED (mounted on every host, holds the volumes), BACKUP "
                + "(holds backups), or neither") List<String> roles,
        Instant createdAt, Instant updatedAt) {
}
