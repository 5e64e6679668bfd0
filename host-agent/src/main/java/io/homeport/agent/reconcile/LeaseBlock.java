package io.homeport.agent.reconcile;

import io.homeport.agent.protocol.ContainerOptions;
import io.homeport.agent.protocol.ContainerSpec;
import java.util.Map;

/**
 * Why a desired container may not run on this host: a volume it mounts has no lease here, or a stale or unknown one.
 * Two hosts must never write one volume, so a missing or stale lease also stops a running container; an unknown one
 * (the fence could not be read, e.g. the network is down) only keeps it from starting.
 *
 * @param reason       e.g. "lease of notes/data is stale (fence holds epoch 2, this host 1)"
 * @param stopsRunning whether a running container is stopped for it
 * @param atOnce       whether it is stopped without grace: another host may be writing the volume (a stale lease, or
 *                     one cut off from its fence); a planned move (no lease) stops it gracefully, for a final sync
 */
public record LeaseBlock(String reason, boolean stopsRunning, boolean atOnce) {

    /** The block on {@code spec} given the leases of the desired volumes (by key), or null when it may run. */
    public static LeaseBlock of(ContainerSpec spec, Map<String, VolumeLease> leases) {
        LeaseBlock unknown = null;
        for (ContainerOptions.Mount mount : spec.options().mounts()) {
            if (mount.volume() == null) {
                continue;
            }
            VolumeLease lease = leases.get(mount.volume());
            if (lease == null) {
                return new LeaseBlock("no lease on " + mount.volume() + " (not among this host's volumes)", true,
                        false);
            }
            if (lease.stopsRunning()) {
                return new LeaseBlock(lease.problem(), true, true);
            }
            if (!lease.held() && unknown == null) {
                unknown = new LeaseBlock(lease.problem(), false, false);
            }
        }
        return unknown;
    }
}
