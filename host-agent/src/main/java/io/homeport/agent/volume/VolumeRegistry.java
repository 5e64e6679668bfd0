package io.homeport.agent.volume;

import io.homeport.agent.protocol.HostVolume;
import io.homeport.agent.protocol.VolumeState;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every volume the agent has held since it started, by key. A volume that leaves the desired state stays known (no
 * longer desired) so that the graceful stop of its containers can still sync it, as long as the fence holds this
 * host's epoch.
 */
final class VolumeRegistry {

    private final Map<String, TrackedVolume> volumes = new ConcurrentHashMap<>();

    /** Takes the desired state's volumes; returns them as tracked, in the same order. */
    List<TrackedVolume> update(List<HostVolume> desired) {
        Set<String> keys = new HashSet<>();
        List<TrackedVolume> tracked = desired.stream().map(volume -> {
            keys.add(volume.key());
            TrackedVolume known = volumes.computeIfAbsent(volume.key(), key -> new TrackedVolume(volume));
            known.desired(volume, true);
            return known;
        }).toList();
        volumes.forEach((key, known) -> {
            if (!keys.contains(key)) {
                known.desired(null, false);
            }
        });
        return tracked;
    }

    TrackedVolume get(String key) {
        return volumes.get(key);
    }

    Collection<TrackedVolume> all() {
        return volumes.values();
    }

    /** One state per volume of the desired state, for full reports. */
    List<VolumeState> states() {
        return volumes.values().stream().filter(TrackedVolume::desired).map(TrackedVolume::state)
                .sorted(java.util.Comparator.comparing(state -> HostVolume.key(state.app(), state.name())))
                .toList();
    }
}
