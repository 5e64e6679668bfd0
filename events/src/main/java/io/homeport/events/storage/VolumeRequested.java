package io.homeport.events.storage;

import java.time.Instant;

/**
 * The deployer needs a volume for an app before it places the app's replicas. Subject and key:
 * {@code <app>/<volume>}. The storage-manager answers with {@link VolumeReady} once the volume can be used.
 *
 * @param mode {@code shared} (a directory on the shared remote's mount) or {@code local-synced} (a local directory
 *             synced to the remote)
 */
public record VolumeRequested(String app, String volume, String mode, Instant at) {

    /** The key and subject of a volume's events. */
    public static String key(String app, String volume) {
        return app + "/" + volume;
    }
}
