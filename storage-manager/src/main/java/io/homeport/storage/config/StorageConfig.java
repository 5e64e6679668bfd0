package io.homeport.storage.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The storage-manager's own settings ({@code homeport.storage.*}). */
@ConfigMapping(prefix = "homeport.storage")
public interface StorageConfig {

    /** Name under which this service records the events it processed; keep it stable across releases. */
    @WithDefault("storage-manager")
    String consumerName();

    /** Where each host mounts the shared rclone remote. */
    @WithDefault("/mnt/homeport")
    String mountPath();
}
