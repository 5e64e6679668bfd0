package io.homeport.events.storage;

import java.time.Instant;
import java.util.UUID;

/**
 * A host's mount of the shared remote stopped working: the canary round trip failed or rclone reports errors.
 * Subject and key: the host id. {@code uploadsQueued} and {@code errors} are null when unknown.
 */
public record MountDegraded(UUID hostId, String path, String reason, Long uploadsQueued, Long errors, Instant at) {
}
