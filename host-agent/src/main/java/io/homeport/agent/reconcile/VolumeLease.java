package io.homeport.agent.reconcile;

import io.homeport.agent.protocol.VolumeState;
import java.time.Instant;

/**
 * The lease on one volume of the desired state as last checked against its fence: the reconcile input that decides
 * whether containers mounting the volume may run. A volume without one (not in the desired state) has no lease.
 *
 * @param volume     the volume's key, {@code <app>/<name>}
 * @param status     HELD, STALE (the fence holds a higher epoch: the lease moved away) or UNKNOWN (the fence could
 *                   not be read)
 * @param fenceEpoch the epoch the fence holds, null when unreadable (an UNKNOWN lease with a readable fence is a
 *                   volume this host could not take over, e.g. its restore failed)
 * @param epoch      this host's epoch
 * @param cutOffSince for an UNKNOWN lease whose fence this host has not read for longer than its self-fence window:
 *                   when it last read it. The control plane may have moved the lease since (a lost host's apps move
 *                   once that window has passed), so the host stops writing the volume. Null otherwise.
 */
public record VolumeLease(String volume, VolumeState.Lease status, Long fenceEpoch, long epoch, Instant cutOffSince) {

    public VolumeLease(String volume, VolumeState.Lease status, Long fenceEpoch, long epoch) {
        this(volume, status, fenceEpoch, epoch, null);
    }

    public boolean held() {
        return status == VolumeState.Lease.HELD;
    }

    /** Why containers on the volume may not start, or null when they may. */
    public String problem() {
        return switch (status) {
            case HELD -> null;
            case STALE -> "lease of " + volume + " is stale (fence holds epoch " + fenceEpoch + ", this host "
                    + epoch + ")";
            case UNKNOWN -> cutOffSince != null ? "lease of " + volume + " is unknown: its fence has not been read "
                    + "since " + cutOffSince + ", so this host stops using the volume (self-fenced)"
                    : "lease of " + volume + " is unknown (" + (fenceEpoch == null ? "its fence cannot be read"
                            : "taking the volume over failed") + ")";
        };
    }

    /**
     * A running container is stopped for a stale lease, and for one cut off from its fence for longer than the
     * self-fence window; for a briefly unknown one it keeps running (a network blip).
     */
    public boolean stopsRunning() {
        return status == VolumeState.Lease.STALE || cutOffSince != null;
    }
}
