package io.homeport.events.storage;

import java.time.Instant;
import java.util.UUID;

/**
 * A volume's backup could not be made or checked ({@code reason}). Subject and key: {@code <app>/<volume>}.
 * {@code hostId} is null when no host could run it.
 */
public record BackupFailed(UUID backupId, String app, String volume, UUID hostId, String reason, Instant at) {
}
