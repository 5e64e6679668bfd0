package io.homeport.events.storage;

import java.time.Instant;
import java.util.UUID;

/** A backup was verified and restored into {@code destination} on {@code hostId}. Subject: {@code <app>/<volume>}. */
public record BackupRestored(UUID restoreId, UUID backupId, String app, String volume, UUID hostId,
        String destination, Instant at) {
}
