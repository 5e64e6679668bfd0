package io.homeport.agent.docker;

import io.homeport.agent.protocol.ContainerSpec;
import io.homeport.agent.protocol.HostVolume;
import io.homeport.agent.reconcile.ActualContainer;
import io.homeport.agent.reconcile.VolumeLease;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a reconcile pass needs from the volumes: their leases before it decides, and a word after it has stopped
 * containers using them (a local-synced volume is synced after every graceful stop). Kept apart so the pass stays
 * about Docker and the volumes about fences and rclone.
 */
public interface VolumeLeases {

    /** For a host without volumes: no lease, so a container that mounts a volume is held back. */
    VolumeLeases NONE = new VolumeLeases() {
        @Override
        public Map<String, VolumeLease> check(List<HostVolume> volumes, List<ContainerSpec> containers,
                List<ActualContainer> actual) {
            return Map.of();
        }

        @Override
        public void stopped(Set<String> volumes) {
            // nothing to sync
        }
    };

    /**
     * Reads the fence of every desired volume, taking the volumes this host does not hold yet (claiming the fence,
     * restoring the data), and returns each one's lease by key.
     *
     * @param actual the host's containers as Docker shows them now
     */
    Map<String, VolumeLease> check(List<HostVolume> volumes, List<ContainerSpec> containers,
            List<ActualContainer> actual);

    /** The pass has gracefully stopped containers mounting these volumes (by key). */
    void stopped(Set<String> volumes);
}
