package io.homeport.agent.volume;

import io.homeport.agent.command.CommandFailure;
import io.homeport.agent.protocol.HostVolume;
import io.homeport.agent.protocol.VolumeState;
import io.homeport.agent.reconcile.VolumeLease;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the agent knows of one volume: the latest {@link HostVolume} the desired state gave for it, its lease as last
 * checked, its last sync. Its {@link #lock()} serialises everything that touches the volume's data or fence (taking
 * it over, syncing it), which happen on the reconcile thread and the sync scheduler.
 */
final class TrackedVolume {

    private final ReentrantLock lock = new ReentrantLock();
    private volatile HostVolume volume;
    private volatile boolean desired;
    private volatile VolumeLease lease;
    private volatile String fenceProblem;
    private volatile Instant lastSyncAt;
    private volatile Boolean lastSyncSucceeded;
    private volatile String syncProblem;
    private volatile Instant nextSyncAt = Instant.MAX;
    private volatile boolean inUse;
    private volatile Instant usedUntil;
    private volatile Instant lastGoodSyncStartedAt;
    private volatile Instant fenceReadAt;

    TrackedVolume(HostVolume volume) {
        this.volume = volume;
        this.lease = new VolumeLease(volume.key(), VolumeState.Lease.UNKNOWN, null, volume.epoch());
    }

    ReentrantLock lock() {
        return lock;
    }

    HostVolume volume() {
        return volume;
    }

    boolean desired() {
        return desired;
    }

    /** The desired state names it (again, perhaps with a new epoch), or no longer does. */
    void desired(HostVolume latest, boolean stillDesired) {
        if (latest != null) {
            volume = latest;
        }
        desired = stillDesired;
    }

    VolumeLease lease() {
        return lease;
    }

    /**
     * Reads the fence and records the lease it gives this host's epoch. A fence that cannot be read leaves the lease
     * UNKNOWN; once it has not been read for {@code selfFence}, the lease is cut off and containers on the volume stop.
     */
    VolumeLease checkFence(Fence fence, Clock clock, Duration selfFence) throws InterruptedException {
        HostVolume current = volume;
        if (fenceReadAt == null) {
            fenceReadAt = clock.instant(); // the window counts from when this host first looked
        }
        try {
            FenceRecord record = fence.read(current.fence());
            fenceReadAt = clock.instant();
            lease = new VolumeLease(current.key(), record.leaseFor(current.epoch()), record.epoch(), current.epoch());
            fenceProblem = lease.problem();
        } catch (CommandFailure | IllegalArgumentException e) {
            Instant lastRead = fenceReadAt;
            boolean cutOff = !clock.instant().isBefore(lastRead.plus(selfFence));
            lease = new VolumeLease(current.key(), VolumeState.Lease.UNKNOWN, null, current.epoch(),
                    cutOff ? lastRead : null);
            fenceProblem = "fence " + current.fence() + " unreadable: " + firstLine(e.getMessage())
                    + (cutOff ? " (self-fenced: not read since " + lastRead + ")" : "");
        }
        return lease;
    }

    /** The fence was read but taking the volume over failed: nothing may start on it yet. */
    void takeoverFailed(String reason) {
        lease = new VolumeLease(volume.key(), VolumeState.Lease.UNKNOWN, lease.fenceEpoch(), volume.epoch());
        fenceProblem = "taking the volume over failed: " + firstLine(reason);
    }

    /** This host wrote its epoch into the fence, or found it there. */
    void claimed() {
        lease = new VolumeLease(volume.key(), VolumeState.Lease.HELD, volume.epoch(), volume.epoch());
        fenceProblem = null;
    }

    /** @param startedAt when the sync began: only a sync begun after the last use leaves nothing behind */
    void synced(Instant startedAt, Instant at, boolean succeeded, String problem) {
        lastSyncAt = at;
        lastSyncSucceeded = succeeded;
        syncProblem = succeeded ? null : firstLine(problem);
        if (succeeded) {
            lastGoodSyncStartedAt = startedAt;
        }
    }

    /** What a reconcile pass saw: whether a running container of this host mounts the volume. */
    void used(boolean running, Instant now) {
        inUse = running;
        if (running) {
            usedUntil = now;
        }
    }

    /** A reconcile pass has gracefully stopped the containers using the volume. */
    void stoppedUsing(Instant now) {
        inUse = false;
        usedUntil = now;
    }

    /**
     * Whether the lease could move now without losing anything: held, unused, and for {@code local-synced} synced
     * since its last use (a sync begun before the last write may have missed it).
     */
    boolean released() {
        if (inUse || lease.status() != VolumeState.Lease.HELD) {
            return false;
        }
        if (!volume.localSynced()) {
            return true;
        }
        Instant syncStarted = lastGoodSyncStartedAt;
        Instant lastUse = usedUntil;
        return syncStarted != null && (lastUse == null || syncStarted.isAfter(lastUse));
    }

    boolean syncDue(Instant now) {
        return desired && volume.localSynced() && !now.isBefore(nextSyncAt);
    }

    /**
     * A sync begins {@code now}: the next is due one interval after this one was due, so that syncs keep their rate
     * however long each takes (a sync that overran the interval is followed at once). A sync not yet due (e.g. after
     * a graceful stop) starts the period anew from {@code now}.
     *
     * @return when this sync was due: {@code now} for one not yet due
     */
    Instant scheduleSync(Instant now) {
        int interval = volume.syncIntervalSeconds();
        Instant due = nextSyncAt.isAfter(now) ? now : nextSyncAt;
        Instant next = due.plusSeconds(interval);
        nextSyncAt = interval <= 0 ? Instant.MAX : next.isAfter(now) ? next : now;
        return due;
    }

    /** Schedules the first sync one interval from {@code now}, unless one is scheduled already. */
    void scheduleFirstSync(Instant now) {
        if (nextSyncAt.equals(Instant.MAX)) {
            scheduleSync(now);
        }
    }

    VolumeState state() {
        VolumeLease current = lease;
        return new VolumeState(volume.app(), volume.name(), volume.epoch(), current.status(), current.fenceEpoch(),
                lastSyncAt, lastSyncSucceeded, fenceProblem != null ? fenceProblem : syncProblem, released());
    }

    /** rclone's messages can run long; the first line says what went wrong. */
    static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String stripped = message.strip();
        int newline = stripped.indexOf('\n');
        String rest = newline < 0 ? "" : stripped.substring(newline + 1).strip();
        String first = newline < 0 ? stripped : stripped.substring(0, newline);
        // "rclone x exited with 1" says little: add rclone's own first message
        return rest.isEmpty() ? first : first + ": " + rest.lines().findFirst().orElse("");
    }
}
