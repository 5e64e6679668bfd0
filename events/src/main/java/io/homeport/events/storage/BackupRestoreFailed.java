package io.homeport.events.storage;

import java.time.Instant;
import java.util.UUID;

/**
 * A restore did not happen or did not finish ({@code reason}: for one, the backup failed its checksums). Subject:
 * {@code <app>/<volume>}.
 */
public record BackupRestoreFailed(UUID restoreId, UUID backupId, String app, String volume, UUID hostId,
        String reason, Instant at) {
}
