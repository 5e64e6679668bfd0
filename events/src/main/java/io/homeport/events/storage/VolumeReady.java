package io.homeport.events.storage;

import java.time.Instant;

/**
 * The storage-manager has a requested volume ready to be mounted by whichever host runs the app. Subject and key:
 * {@code <app>/<volume>}.
 */
public record VolumeReady(String app, String volume, String mode, Instant at) {
}
