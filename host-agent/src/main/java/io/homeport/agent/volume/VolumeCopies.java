package io.homeport.agent.volume;

import static io.homeport.agent.command.RcloneCommand.BOUNDED;
import static io.homeport.agent.command.RcloneCommand.LIVE_SOURCE;
import static io.homeport.agent.command.RcloneCommand.argv;

import io.homeport.agent.command.RcloneCommand;
import io.homeport.agent.protocol.HostVolume;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The two copies of a {@code local-synced} volume, the local directory and the remote one, brought level with rclone:
 * {@link #restore} when this host takes the volume over, {@link #sync} on schedule and after a graceful stop. Each
 * sync keeps what it replaces or deletes under {@code replaced/<UTC stamp>} ({@code --backup-dir}), so a sync
 * never loses a byte. Empty directories are copied too (databases such as PostgreSQL need theirs).
 */
public final class VolumeCopies {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final RcloneCommand rclone;

    public VolumeCopies(RcloneCommand rclone) {
        this.rclone = rclone;
    }

    /**
     * Makes the local directory a copy of the remote one; when the remote has none yet (the volume was never
     * synced), leaves the local directory as it is, created when missing.
     *
     * @return what happened, for the log
     */
    public String restore(HostVolume volume) throws InterruptedException {
        createDirectory(volume);
        return rclone.runUnlessMissing(null, "sync", argv(BOUNDED, "sync", volume.remote(), volume.path(),
                "--create-empty-src-dirs", "-q"), progress -> { })
                .map(done -> "restored from " + volume.remote())
                .orElse("no synced copy yet at " + volume.remote());
    }

    /** Makes the remote copy level with the local directory, keeping what it replaces under {@code replaced}. */
    public void sync(HostVolume volume, Instant at) throws InterruptedException {
        rclone.run(null, "sync", argv(BOUNDED, "sync", volume.path(), volume.remote(), "--backup-dir",
                backupDir(volume.replaced(), at), "--create-empty-src-dirs", LIVE_SOURCE, "-q"),
                progress -> { });
    }

    /** {@code replaced/2026-11-26T04-00-00Z}: one directory per sync, in UTC, sorted by time. */
    static String backupDir(String replaced, Instant at) {
        return replaced.replaceAll("/+$", "") + "/" + STAMP.format(at);
    }

    /** For a {@code shared} volume (a directory on the mount), or a local one never synced. */
    public static void createDirectory(HostVolume volume) {
        try {
            Files.createDirectories(Path.of(volume.path()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of volume " + volume.key(), e);
        }
    }
}
