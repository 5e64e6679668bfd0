package io.homeport.storage.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The storage-manager's own settings ({@code homeport.storage.*}). */
@ConfigMapping(prefix = "homeport.storage")
public interface StorageConfig {

    /** Name under which this service records the events it processed; keep it stable across releases. */
    @WithDefault("storage-manager")
    String consumerName();

    /** Where each host mounts the shared rclone remote. */
    @WithDefault("/mnt/homeport")
    String mountPath();

    /** The rclone remote every host mounts and volumes live on (the name of a remote defined through the API). */
    @WithDefault("shared")
    String sharedRemote();

    /** The rclone remote backups go to unless a volume's policy names another. */
    @WithDefault("backup")
    String backupRemote();

    /** The host directory under which {@code local-synced} volumes live ({@code <local-volumes>/<app>/<volume>}). */
    @WithDefault("/var/lib/homeport/volumes")
    String localVolumes();

    /** How often agents sync {@code local-synced} volumes to the shared remote. */
    @WithDefault("5m")
    Duration syncInterval();

    /** A backup still RUNNING this long after it started is FAILED. */
    @WithDefault("6h")
    Duration backupTimeout();

    /** How often the scheduler looks for due backups and timed-out ones. */
    @WithDefault("60s")
    String backupCheckInterval();

    /** How long the agent hub keeps a command for an agent that is not connected. */
    @WithDefault("10m")
    Duration commandExpiry();
}
