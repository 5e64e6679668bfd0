package io.homeport.agent.volume;

import io.homeport.agent.command.CommandFailure;
import io.homeport.agent.docker.VolumeLeases;
import io.homeport.agent.protocol.ContainerSpec;
import io.homeport.agent.protocol.HostVolume;
import io.homeport.agent.reconcile.ActualContainer;
import io.homeport.agent.reconcile.VolumeLease;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The leases a reconcile pass decides with: on every pass (the periodic one too, so a host whose lease moved away
 * stops its containers within one report cycle even if its desired state still lists them) it reads each desired
 * volume's fence, takes over the volumes this host holds but has not taken yet, and hands the volumes of gracefully
 * stopped containers to the {@link VolumeSyncer}.
 */
final class VolumeLeaseKeeper implements VolumeLeases {

    private final VolumeRegistry registry;
    private final Fence fence;
    private final VolumeTakeover takeover;
    private final VolumeSyncer syncer;
    private final Runnable onReleased;
    private final Clock clock;
    private final Duration selfFence;

    /** @param onReleased called when stopping its containers released a {@code shared} volume */
    VolumeLeaseKeeper(VolumeRegistry registry, Fence fence, VolumeTakeover takeover, VolumeSyncer syncer,
            Runnable onReleased, Clock clock, Duration selfFence) {
        this.registry = registry;
        this.fence = fence;
        this.takeover = takeover;
        this.syncer = syncer;
        this.onReleased = onReleased;
        this.clock = clock;
        this.selfFence = selfFence;
    }

    @Override
    public Map<String, VolumeLease> check(List<HostVolume> volumes, List<ContainerSpec> containers,
            List<ActualContainer> actual) {
        Map<String, VolumeLease> leases = new LinkedHashMap<>();
        for (TrackedVolume tracked : registry.update(volumes)) {
            String key = tracked.volume().key();
            boolean inUse = actual.stream().anyMatch(container -> container.running()
                    && container.volumes().contains(key));
            tracked.used(inUse, clock.instant());
            leases.put(key, checkAndTake(tracked, inUse));
        }
        return leases;
    }

    private VolumeLease checkAndTake(TrackedVolume tracked, boolean inUse) {
        try {
            tracked.lock().lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return tracked.lease();
        }
        try {
            HostVolume volume = tracked.volume();
            VolumeLease lease = tracked.checkFence(fence, clock, selfFence);
            if (!lease.held()) {
                return lease;
            }
            if (takeover.due(volume, lease.fenceEpoch())) {
                takeover.take(volume, lease.fenceEpoch(), inUse);
                tracked.claimed();
            }
            tracked.scheduleFirstSync(clock.instant());
            return tracked.lease();
        } catch (CommandFailure | UncheckedIOException | IllegalArgumentException e) {
            tracked.takeoverFailed(e.getMessage());
            return tracked.lease();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return tracked.lease();
        } finally {
            tracked.lock().unlock();
        }
    }

    @Override
    public void stopped(Set<String> volumes) {
        Instant now = clock.instant();
        List<TrackedVolume> stopped = volumes.stream().map(registry::get).filter(Objects::nonNull).toList();
        stopped.forEach(tracked -> tracked.stoppedUsing(now));
        if (stopped.stream().anyMatch(tracked -> !tracked.volume().localSynced() && tracked.released())) {
            onReleased.run();
        }
        syncer.syncSoon(volumes);
    }
}
