package io.homeport.api.storage;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A restore of a backup onto a host. */
@Schema(description = "A restore: the backup is verified against its checksums first, then copied.")
public record RestoreView(UUID id, UUID backupId, String app, String volume, UUID hostId,
        @Schema(description = "the host directory restored into") String destination,
        @Schema(description = "RUNNING, COMPLETED or FAILED") String state,
        Instant startedAt, Instant finishedAt,
        @Schema(description = "why it failed, e.g. the files that fail their checksums") String message) {
}
