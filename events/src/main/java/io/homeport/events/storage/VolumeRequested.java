package io.homeport.events.storage;

import java.time.Instant;
import java.util.UUID;

/**
 * The deployer needs a volume for an app on the host it placed the app on, before it starts the app's replicas
 * there. Subject and key: {@code <app>/<volume>}. The storage-manager grants that host the volume's writable lease
 * (with a higher fencing epoch when the lease moves from another host) and answers with {@link VolumeReady}.
 *
 * @param mode   {@code shared} (a directory on the shared remote's mount) or {@code local-synced} (a local directory
 *               synced to the remote)
 * @param hostId the host that is to hold the lease
 */
public record VolumeRequested(String app, String volume, String mode, UUID hostId, Instant at) {

    /** The key and subject of a volume's events. */
    public static String key(String app, String volume) {
        return app + "/" + volume;
    }
}
