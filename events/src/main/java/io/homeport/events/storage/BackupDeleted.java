package io.homeport.events.storage;

import java.time.Instant;
import java.util.UUID;

/** A backup was deleted, by retention or by a user ({@code reason}). Subject: {@code <app>/<volume>}. */
public record BackupDeleted(UUID backupId, String app, String volume, String reason, Instant at) {
}
