package io.homeport.agent.volume;

import io.homeport.agent.DaemonThreads;
import io.homeport.agent.command.CommandFailure;
import io.homeport.agent.protocol.HostVolume;
import io.homeport.agent.protocol.VolumeState;
import io.homeport.agent.reconcile.VolumeLease;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Syncs each held {@code local-synced} volume to its remote every {@code syncIntervalSeconds} (at a fixed rate: the
 * data at risk is that written since the last sync began, at most one interval and one sync long), and once more soon
 * after a graceful stop of a container using it. Before every sync it reads the fence: a stale lease (another host
 * took the volume) means this host's data must never again overwrite the remote, so it does not sync and asks for a
 * reconcile pass, which stops the containers; an unreadable fence skips the round. Data not of this host's current
 * tenure (not yet taken over) is never synced either. One thread, so syncs never overlap.
 */
final class VolumeSyncer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(VolumeSyncer.class.getName());
    private static final long TICK_MILLIS = 250;

    private final VolumeRegistry registry;
    private final Fence fence;
    private final VolumeTakeover takeover;
    private final VolumeCopies copies;
    private final Runnable onStale;
    private final Runnable onReleased;
    private final Clock clock;
    private final Duration selfFence;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("volume-sync"));

    /**
     * @param onStale    called when a sync finds the lease stale: the containers on the volume must stop
     * @param onReleased called when a sync after a stop released the volume
     */
    VolumeSyncer(VolumeRegistry registry, Fence fence, VolumeTakeover takeover, VolumeCopies copies,
            Runnable onStale, Runnable onReleased, Clock clock, Duration selfFence) {
        this.registry = registry;
        this.fence = fence;
        this.takeover = takeover;
        this.copies = copies;
        this.onStale = onStale;
        this.onReleased = onReleased;
        this.clock = clock;
        this.selfFence = selfFence;
    }

    void start() {
        scheduler.scheduleWithFixedDelay(this::syncDue, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Queues a sync of each of these volumes (by key), e.g. after containers using them stopped. */
    void syncSoon(Collection<String> keys) {
        for (String key : keys) {
            TrackedVolume volume = registry.get(key);
            if (volume != null && volume.volume().localSynced()) {
                scheduler.execute(() -> {
                    syncGuarded(volume);
                    if (volume.released()) {
                        onReleased.run();
                    }
                });
            }
        }
    }

    private void syncDue() {
        Instant now = clock.instant();
        registry.all().stream().filter(volume -> volume.syncDue(now)).forEach(this::syncGuarded);
    }

    private void syncGuarded(TrackedVolume volume) {
        try {
            sync(volume);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Syncing volume " + volume.volume().key() + " failed", e);
            Instant now = clock.instant();
            volume.synced(now, now, false, e.getMessage());
        }
    }

    /**
     * Checks the fence and, if it holds this host's epoch and the data is of this tenure, syncs the volume now.
     *
     * @return whether it synced successfully
     */
    boolean sync(TrackedVolume tracked) throws InterruptedException {
        tracked.lock().lockInterruptibly();
        try {
            Instant due = tracked.scheduleSync(clock.instant());
            HostVolume volume = tracked.volume();
            if (!volume.localSynced() || !takeover.current(volume)) {
                return false;
            }
            VolumeLease lease = tracked.checkFence(fence, clock, selfFence);
            if (lease.status() == VolumeState.Lease.STALE) {
                LOG.warning(() -> "Not syncing volume " + volume.key() + ": " + lease.problem());
                onStale.run();
                return false;
            }
            if (!lease.held() || lease.fenceEpoch() != volume.epoch()) {
                return false; // unreadable this round, or not claimed yet: nothing of ours to sync
            }
            Instant at = clock.instant();
            try {
                copies.sync(volume, at);
                Instant done = clock.instant();
                tracked.synced(at, done, true, null);
                LOG.info(() -> "Synced volume " + volume.key() + " in " + Duration.between(at, done).toMillis()
                        + " ms, " + Duration.between(due, done).toMillis() + " ms after it was due");
                return true;
            } catch (CommandFailure e) {
                LOG.warning(() -> "Syncing volume " + volume.key() + " failed: " + TrackedVolume.firstLine(
                        e.getMessage()));
                tracked.synced(at, clock.instant(), false, e.getMessage());
                return false;
            }
        } finally {
            tracked.lock().unlock();
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
