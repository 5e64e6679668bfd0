package io.homeport.api.storage;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An app's volume: where it lives, which host holds its writable lease, and how it is backed up. */
@Schema(description = "An app's volume with its lease and backup policy.")
public record VolumeView(String app, String name,
        @Schema(description = "shared or local-synced") String mode,
        @Schema(description = "the rclone path of its durable copy") String remote,
        @Schema(description = "the host holding the writable lease, null when none") UUID holderHostId,
        @Schema(description = "the lease's fencing epoch: grows each time the lease moves") long epoch,
        Instant leasedAt,
        @Schema(description = "local-synced: when the holder last synced it, and whether that worked")
        Instant lastSyncAt, Boolean lastSyncSucceeded,
        BackupPolicy backupPolicy,
        Instant createdAt) {
}
