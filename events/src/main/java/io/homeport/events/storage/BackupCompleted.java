package io.homeport.events.storage;

import java.time.Instant;
import java.util.UUID;

/**
 * A volume's backup was copied, checked against its source and its checksums stored. Subject and key:
 * {@code <app>/<volume>}. {@code location}: the rclone path of the backup.
 */
public record BackupCompleted(UUID backupId, String app, String volume, UUID hostId, String location,
        Instant startedAt, Instant at) {
}
