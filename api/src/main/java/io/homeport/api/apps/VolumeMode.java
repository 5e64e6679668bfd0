package io.homeport.api.apps;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a volume's data lives (brief §1, C4). */
public enum VolumeMode {
    /** A directory on the shared rclone mount, {@code <mount>/apps/<app>/<volume>}: every host sees it. */
    @JsonProperty("shared") SHARED,
    /** A local directory synced to the remote on a schedule and on every graceful stop. */
    @JsonProperty("local-synced") LOCAL_SYNCED;

    /** The name in specs and events: {@code shared}, {@code local-synced}. */
    public String wireName() {
        return this == SHARED ? "shared" : "local-synced";
    }
}
