package io.homeport.events.storage;

import io.homeport.agent.protocol.HostVolume;
import java.time.Instant;
import java.util.UUID;

/**
 * The storage-manager granted {@code hostId} the writable lease of a requested volume: the deployer puts
 * {@code lease} into that host's desired state and may start the app there. Subject and key: {@code <app>/<volume>}.
 *
 * @param previousHostId the host that held the lease before, null when none did or it is the same host
 * @param previousSyncAt for a {@code local-synced} volume that moved: when the previous holder's last sync, as
 *                       last reported, finished, if it succeeded (the copy the new holder restores); null otherwise
 * @param lease          the volume as the host is to use it: its paths and the lease's fencing epoch
 */
public record VolumeReady(String app, String volume, String mode, UUID hostId, UUID previousHostId,
        Instant previousSyncAt, HostVolume lease, Instant at) {
}
