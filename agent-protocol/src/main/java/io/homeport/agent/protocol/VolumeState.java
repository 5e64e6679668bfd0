package io.homeport.agent.protocol;

import java.time.Instant;

/**
 * What the agent knows of one volume of its desired state.
 *
 * @param lease          {@link Lease#HELD}: the fence holds this host's epoch (or a lower one); {@link Lease#STALE}:
 *                       the fence holds a higher epoch, so the lease moved away and the containers using the volume
 *                       are stopped; {@link Lease#UNKNOWN}: the fence could not be read
 * @param fenceEpoch     the epoch last read from the fence, null when it could not be read
 * @param lastSyncAt     for {@code local-synced}: when the last sync finished, null before the first
 * @param lastSyncSucceeded whether it succeeded, null before the first
 * @param message        the last sync's or fence check's failure, null when none
 * @param released       this host holds the lease but no longer uses the volume, and has left nothing behind: no
 *                       container of the host uses it and, for {@code local-synced}, a sync that started after the
 *                       last one stopped has succeeded. A planned move waits for this before the lease moves, so it
 *                       loses nothing; null from agents that do not say
 */
public record VolumeState(String app, String name, long epoch, Lease lease, Long fenceEpoch, Instant lastSyncAt,
        Boolean lastSyncSucceeded, String message, Boolean released) {

    public enum Lease { HELD, STALE, UNKNOWN }
}
