package io.homeport.deployer.volume;

import io.homeport.agent.protocol.HostVolume;
import io.homeport.api.apps.AppSpec;
import io.homeport.events.EventTypes;
import io.homeport.events.storage.VolumeReady;
import io.homeport.events.storage.VolumeRequested;
import io.homeport.platform.outbox.Outbox;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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
 */
@ApplicationScoped
public class Volumes {

    private static final Logger LOG = Logger.getLogger(Volumes.class);

    private final Outbox outbox;

    Volumes(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * The spec's volumes that {@code host} does not hold the lease of yet; those not requested for it yet (or whose
     * mode changed) are requested for it now.
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
            outbox.emit(EventTypes.VOLUME_REQUESTED, VolumeRequested.key(app, volume.name()),
                    new VolumeRequested(app, volume.name(), mode, host, now));
            pending.add(volume.name());
        }
        return pending;
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
