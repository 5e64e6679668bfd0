package io.homeport.storage.backup;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Where backups go (pure): {@code <remote>:homeport-backups/<app>/<volume>/<UTC stamp>}, sums in {@code .md5}. */
public final class BackupLocations {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'")
            .withZone(ZoneOffset.UTC);

    /** e.g. {@code backup:homeport-backups/notes/data/2026-11-26T04-00-00Z}; {@code attempt} > 0 adds {@code -n}. */
    public static String location(String remote, String app, String volume, Instant at, int attempt) {
        return remote + ":homeport-backups/" + app + "/" + volume + "/"
                + STAMP.format(at.truncatedTo(ChronoUnit.SECONDS)) + (attempt == 0 ? "" : "-" + attempt);
    }

    public static String checksums(String location) {
        return location + ".md5";
    }

    private BackupLocations() {
    }
}
