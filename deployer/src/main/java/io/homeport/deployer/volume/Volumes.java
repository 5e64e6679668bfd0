package io.homeport.deployer.volume;

import io.homeport.agent.protocol.HostVolume;
import io.homeport.agent.protocol.VolumeState;
import io.homeport.deployer.app.Replica;
import io.homeport.deployer.config.DeployerConfig;
import io.homeport.deployer.host.PlacementHost;
import io.homeport.api.apps.AppSpec;
import io.homeport.events.EventTypes;
import io.homeport.events.storage.VolumeReady;
import io.homeport.events.storage.VolumeRequested;
import io.homeport.platform.outbox.Outbox;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * An app's volumes and their leases. A volume is requested from the storage-manager for the host the app is placed on
 * ({@code volume.requested} naming that host, through the outbox, in the deploy's transaction); the storage-manager
 * grants that host the volume's writable lease ({@code volume.ready}). A volume is ready for a deployment on a host
 * only once that host holds its lease, so a volume is requested again only when it is new, its mode changed, or the
 * app goes to another host.
 *
 * <p>A planned move is a handover. Once a volume is requested for another host, the app's old host is to stop it
 * ({@link #requestedElsewhere}) while it keeps the lease, so its agent syncs a {@code local-synced} volume one last
 * time after the stop. When that holder is online and ran the app, the volume is requested for the new host only
 * once the holder reports it released, so the move loses nothing. A holder that does not let go within the handover
 * timeout is not waited for: the volume moves, and the new holder starts from the last synced copy.
 *
 * <p>A holder that is offline (lost, or its agent gone) cannot let go, and may still be running the app if only its
 * link to the control plane is down. Its agent stops the containers on a volume whose fence it cannot read for its
 * self-fence window, so the volume moves after the {@code fence-wait} that covers that window: never while the old
 * holder may still write it.
 */
@ApplicationScoped
public class Volumes {

    private static final Logger LOG = Logger.getLogger(Volumes.class);

    private final Outbox outbox;
    private final Duration handoverTimeout;
    private final Duration fenceWait;

    Volumes(Outbox outbox, DeployerConfig config) {
        this.outbox = outbox;
        this.handoverTimeout = config.handoverTimeout();
        this.fenceWait = config.fenceWait();
    }

    /**
     * The spec's volumes that {@code host} does not hold the lease of yet; those not requested for it yet (or whose
     * mode changed) are requested for it now, or, held by another host that is online and runs the app, once that
     * host has let go of them (see {@link #reported}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> request(String app, AppSpec spec, UUID host) {
        List<String> pending = new ArrayList<>();
        Instant now = Instant.now();
        for (AppSpec.Volume volume : spec.volumes()) {
            String mode = volume.mode().wireName();
            AppVolume row = AppVolume.findById(new AppVolume.Key(app, volume.name()));
            if (row != null && row.mode.equals(mode) && host.equals(row.requestedHostId)) {
                if (!row.leasedTo(host)) {
                    pending.add(volume.name());
                }
                continue;
            }
            boolean fresh = row == null;
            if (fresh) {
                row = new AppVolume();
                row.app = app;
                row.name = volume.name();
            }
            row.mode = mode;
            row.requestedHostId = host;
            row.requestedAt = now;
            if (fresh) {
                row.persist();
            }
            if (row.hostId != null && !row.hostId.equals(host) && runsOnline(app, row.hostId)) {
                row.handoverFrom = row.hostId;
                row.handoverDeadline = now.plus(handoverTimeout);
                LOG.infof("Volume %s/%s moves from host %s to %s: waiting up to %s for the holder to stop %s and let "
                        + "go of it", app, volume.name(), row.hostId, host, handoverTimeout, app);
            } else if (row.hostId != null && !row.hostId.equals(host) && !online(row.hostId)) {
                row.handoverFrom = row.hostId;
                row.handoverDeadline = now.plus(fenceWait);
                LOG.infof("Volume %s/%s moves from host %s, which is offline, to %s in %s, once the holder has "
                        + "surely fenced itself", app, volume.name(), row.hostId, host, fenceWait);
            } else {
                send(row, now);
            }
            pending.add(volume.name());
        }
        return pending;
    }

    /**
     * Whether a volume of {@code app} was last requested for a host other than {@code host}: the app is moving away
     * from {@code host}, which is to stop it now (keeping the lease it still holds, so that it can sync the volume
     * one last time) rather than when the move is done.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean requestedElsewhere(String app, UUID host) {
        return AppVolume.count("app = ?1 and requestedHostId <> ?2", app, host) > 0;
    }

    /**
     * {@code host} reported the state of its volumes: those it was asked to let go of and has released are requested
     * for the host they move to now.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reported(UUID host, List<VolumeState> states) {
        Set<String> released = new HashSet<>();
        states.stream().filter(state -> Boolean.TRUE.equals(state.released()))
                .forEach(state -> released.add(state.app() + "/" + state.name()));
        if (released.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        for (AppVolume row : AppVolume.<AppVolume>list("handoverFrom", host)) {
            if (released.contains(row.app + "/" + row.name)) {
                LOG.infof("Volume %s/%s: host %s let go of it; requesting it for host %s", row.app, row.name, host,
                        row.requestedHostId);
                send(row, now);
            }
        }
    }

    /**
     * Handovers past their deadline, or from a host that went offline, stop waiting: their volumes are requested for
     * the host they move to now.
     *
     * @return how many were sent
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int sendOverdue(Instant now) {
        // a holder that went offline while asked to let go no longer will: it is waited for only until it has
        // surely fenced itself
        AppVolume.update("handoverDeadline = ?1 where handoverFrom is not null and handoverDeadline > ?1 and "
                + "handoverFrom not in (select h.hostId from PlacementHost h where h.online = true)",
                now.plus(fenceWait));
        List<AppVolume> overdue = AppVolume.list("handoverFrom is not null and handoverDeadline <= ?1", now);
        for (AppVolume row : overdue) {
            LOG.warnf("Volume %s/%s: host %s did not let go of it in time (or went offline); it moves to host %s "
                    + "without a final sync, from its last synced copy", row.app, row.name, row.handoverFrom,
                    row.requestedHostId);
            send(row, now);
        }
        return overdue.size();
    }

    private void send(AppVolume row, Instant now) {
        row.handoverFrom = null;
        row.handoverDeadline = null;
        row.requestedAt = now;
        outbox.emit(EventTypes.VOLUME_REQUESTED, VolumeRequested.key(row.app, row.name),
                new VolumeRequested(row.app, row.name, row.mode, row.requestedHostId, now));
    }

    /** Whether {@code host} is online and has a replica of {@code app}: then it is asked to let go first. */
    private static boolean runsOnline(String app, UUID host) {
        return Replica.count("app = ?1 and hostId = ?2", app, host) > 0 && online(host);
    }

    private static boolean online(UUID host) {
        return PlacementHost.<PlacementHost>findByIdOptional(host).map(h -> h.online).orElse(false);
    }

    /**
     * Records the lease the storage-manager granted, unless it is older (a lower epoch) than the one recorded.
     *
     * @return what the grant changes; {@link LeaseGrant#IGNORED} for a volume never requested, a grant without a
     *         lease, or an older one
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public LeaseGrant grant(VolumeReady event) {
        AppVolume row = AppVolume.findById(new AppVolume.Key(event.app(), event.volume()));
        if (row == null || event.lease() == null || event.hostId() == null) {
            LOG.warnf("Volume %s/%s: a grant the deployer cannot use (volume not requested here, or no host or lease "
                    + "named): passed over", event.app(), event.volume());
            return LeaseGrant.IGNORED;
        }
        if (row.epoch != null && event.lease().epoch() < row.epoch) {
            LOG.infof("Volume %s/%s: the grant to host %s at epoch %d is older than epoch %d: passed over",
                    event.app(), event.volume(), event.hostId(), event.lease().epoch(), row.epoch);
            return LeaseGrant.IGNORED;
        }
        Set<UUID> previousHolders = new LinkedHashSet<>();
        previousHolders.add(row.hostId);
        previousHolders.add(event.previousHostId());
        previousHolders.remove(null);
        previousHolders.remove(event.hostId());
        row.hostId = event.hostId();
        row.epoch = event.lease().epoch();
        row.lease = event.lease();
        row.readyAt = event.at();
        boolean requested = event.hostId().equals(row.requestedHostId) && event.mode().equals(row.mode);
        if (!requested) {
            LOG.infof("Volume %s/%s is leased to host %s, not to %s it was last requested for: deployments keep "
                    + "waiting", event.app(), event.volume(), event.hostId(), row.requestedHostId);
        }
        return new LeaseGrant(requested, previousHolders);
    }

    /** The lease last granted for each of the app's volumes (whichever host holds it), by volume name. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, HostVolume> leases(String app) {
        Map<String, HostVolume> leases = new HashMap<>();
        AppVolume.<AppVolume>list("app = ?1 and lease is not null", app).forEach(row -> leases.put(row.name,
                row.lease));
        return leases;
    }

    /** The leases {@code host} holds for the volumes of {@code apps}, by app and name. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<HostVolume> heldBy(UUID host, Collection<String> apps) {
        if (apps.isEmpty()) {
            return List.of();
        }
        return AppVolume.<AppVolume>list("hostId = ?1 and app in ?2 and lease is not null",
                Sort.by("app").and("name"), host, apps).stream().map(row -> row.lease).toList();
    }

    /** How many of the app's volume leases each host holds. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, Integer> leasesByHolder(String app) {
        Map<UUID, Integer> held = new HashMap<>();
        AppVolume.<AppVolume>list("app = ?1 and lease is not null", app).stream().map(row -> row.hostId)
                .filter(Objects::nonNull).forEach(host -> held.merge(host, 1, Integer::sum));
        return held;
    }
}
