package io.homeport.agent.reconcile;

import io.homeport.agent.protocol.VolumeState;

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
 */
public record VolumeLease(String volume, VolumeState.Lease status, Long fenceEpoch, long epoch) {

    public boolean held() {
        return status == VolumeState.Lease.HELD;
    }

    /** Why containers on the volume may not start, or null when they may. */
    public String problem() {
        return switch (status) {
            case HELD -> null;
            case STALE -> "lease of " + volume + " is stale (fence holds epoch " + fenceEpoch + ", this host "
                    + epoch + ")";
            case UNKNOWN -> "lease of " + volume + " is unknown (" + (fenceEpoch == null ? "its fence cannot be read"
                    : "taking the volume over failed") + ")";
        };
    }

    /** A running container is stopped for a stale lease; for an unknown one it keeps running (a network blip). */
    public boolean stopsRunning() {
        return status == VolumeState.Lease.STALE;
    }
}
