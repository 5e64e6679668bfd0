package io.homeport.events.storage;

import java.time.Instant;
import java.util.UUID;

/** A host's mount of the shared remote became healthy (or was first seen healthy). Subject and key: the host id. */
public record MountHealthy(UUID hostId, String path, Instant at) {
}
