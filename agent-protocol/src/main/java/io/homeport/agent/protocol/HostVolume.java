package io.homeport.agent.protocol;

import java.util.Objects;

/**
 * A volume whose writable lease this host holds, and where its data lives. The storage-manager names every path;
 * the agent only follows them. Containers reach it through a {@link ContainerOptions.Mount} whose {@code volume}
 * is {@link #key()}.
 *
 * <p>Fencing: the lease's {@code epoch} grows each time the lease moves to another host. The agent writes it to
 * the {@code fence} file when it takes the volume and reads it back before it starts a container on the volume,
 * before every sync and on every periodic pass; a fence holding a higher epoch means the lease moved on, so the
 * agent refuses to start (or stops) the containers using the volume and never syncs it again.
 *
 * @param app                 the app the volume belongs to
 * @param name                the volume's name within the app
 * @param mode                {@link #SHARED} (a directory on the host's mount of the shared remote) or
 *                            {@link #LOCAL_SYNCED} (a local directory synced to {@code remote})
 * @param path                the absolute host directory containers bind
 * @param remote              the rclone path of the volume's durable copy ({@code remote:path}): for {@code shared}
 *                            the same data behind the mount, for {@code local-synced} the synced copy the agent
 *                            restores from when it takes the volume over
 * @param replaced            for {@code local-synced}: the rclone path under which each sync keeps the files it
 *                            replaces or deletes (rclone {@code --backup-dir}, one dated directory per sync)
 * @param fence               the rclone path of the file holding the volume's current epoch
 * @param epoch               this host's lease epoch
 * @param syncIntervalSeconds for {@code local-synced}: how often the agent syncs it (it also syncs after every
 *                            graceful stop of a container using it); 0 for {@code shared}
 */
public record HostVolume(String app, String name, String mode, String path, String remote, String replaced,
        String fence, long epoch, int syncIntervalSeconds) {

    public static final String SHARED = "shared";
    public static final String LOCAL_SYNCED = "local-synced";

    public HostVolume {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(fence, "fence");
    }

    /** {@code <app>/<name>}: how a mount names the volume it binds. */
    public String key() {
        return key(app, name);
    }

    public static String key(String app, String name) {
        return app + "/" + name;
    }

    public boolean localSynced() {
        return LOCAL_SYNCED.equals(mode);
    }
}
