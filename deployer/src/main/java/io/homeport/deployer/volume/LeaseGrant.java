package io.homeport.deployer.volume;

import java.util.Set;
import java.util.UUID;

/**
 * What a lease the storage-manager granted changes for the deployer.
 *
 * @param answersRequest  the lease went to the host the volume was last requested for: deployments waiting for the
 *                        volume may go on
 * @param previousHolders the hosts that held the lease before and hold it no longer: those still running the app
 *                        must get a desired state without it
 */
public record LeaseGrant(boolean answersRequest, Set<UUID> previousHolders) {

    /** A grant the deployer passed over: nothing changes. */
    public static final LeaseGrant IGNORED = new LeaseGrant(false, Set.of());

    public LeaseGrant {
        previousHolders = Set.copyOf(previousHolders);
    }
}
