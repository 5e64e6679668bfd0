package io.homeport.storage.mount;

import java.time.Instant;
import java.util.UUID;

/** A host's mount as the storage-manager's API shows it. */
public record HostMountView(UUID hostId, String hostName, String mountPath, MountState state, Instant createdAt,
        Instant stateSince, String message) {

    static HostMountView of(HostMount mount) {
        return new HostMountView(mount.hostId, mount.hostName, mount.mountPath, mount.state, mount.createdAt,
                mount.stateSince, mount.message);
    }
}
