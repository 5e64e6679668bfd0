package io.homeport.api.storage;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One backup of a volume. */
@Schema(description = "A backup of a volume: dated, checked, with its checksums kept beside it.")
public record BackupView(UUID id, String app, String volume,
        @Schema(description = "RUNNING, COMPLETED, FAILED, CORRUPT (failed a verification) or DELETED") String state,
        @Schema(description = "the rclone path it was written to") String location,
        @Schema(description = "the host that made it") UUID hostId,
        Instant startedAt, Instant finishedAt,
        @Schema(description = "when it last passed a verification against its checksums") Instant verifiedAt,
        @Schema(description = "why it failed, or why it was deleted") String message) {
}
