package io.homeport.agent.volume;

import io.homeport.agent.protocol.HostVolume;
import java.time.Clock;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Takes a volume over for this host, before the first container on it starts here: writes this host's epoch into
 * the fence (from then on the previous holder reads a stale lease and stops), then, for data from an older tenure,
 * restores a {@code local-synced} volume from its remote copy or creates a {@code shared} volume's directory, and
 * finally records the tenure. Data in use by a running container is never restored over: it is the live copy.
 */
final class VolumeTakeover {

    private static final Logger LOG = Logger.getLogger(VolumeTakeover.class.getName());

    private final UUID hostId;
    private final Fence fence;
    private final TenureMarkers markers;
    private final VolumeCopies copies;
    private final Clock clock;

    VolumeTakeover(UUID hostId, Fence fence, TenureMarkers markers, VolumeCopies copies, Clock clock) {
        this.hostId = hostId;
        this.fence = fence;
        this.markers = markers;
        this.copies = copies;
        this.clock = clock;
    }

    /** Whether {@code volume} still needs taking: the fence is behind this host's epoch, or its data is. */
    boolean due(HostVolume volume, long fenceEpoch) {
        return fenceEpoch < volume.epoch() || markers.read(volume) != volume.epoch();
    }

    /**
     * Takes {@code volume}, whose fence holds {@code fenceEpoch} (at most this host's epoch). Call with the volume's
     * lock held.
     *
     * @param inUse a container using the volume runs on this host
     */
    void take(HostVolume volume, long fenceEpoch, boolean inUse) throws InterruptedException {
        if (fenceEpoch < volume.epoch()) {
            fence.write(volume.fence(), new FenceRecord(volume.epoch(), hostId.toString(), clock.instant()));
            LOG.info(() -> "Claimed volume " + volume.key() + " with epoch " + volume.epoch());
        }
        if (markers.read(volume) == volume.epoch()) {
            return;
        }
        if (volume.localSynced() && !inUse) {
            String restored = copies.restore(volume);
            LOG.info(() -> "Volume " + volume.key() + ": " + restored);
        } else {
            VolumeCopies.createDirectory(volume);
        }
        markers.write(volume, volume.epoch());
    }

    /** Whether the local data of {@code volume} is of this host's tenure, so syncing it over the remote is right. */
    boolean current(HostVolume volume) {
        return markers.read(volume) == volume.epoch();
    }
}
