package io.homeport.storage.volume;

import io.homeport.agent.protocol.VolumeState;
import io.homeport.api.storage.BackupPolicy;
import io.homeport.api.storage.VolumeView;
import io.homeport.events.EventTypes;
import io.homeport.events.storage.VolumeReady;
import io.homeport.events.storage.VolumeRequested;
import io.homeport.platform.outbox.Outbox;
import io.homeport.platform.problem.Problem;
import io.homeport.platform.problem.ProblemException;
import io.homeport.platform.problem.ProblemType;
import io.homeport.storage.config.StorageConfig;
import io.homeport.storage.remote.Remotes;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Volumes and their writable leases. A request for host H grants H the lease and answers {@code volume.ready} with
 * it (in one transaction, through the outbox): epoch 1 when nobody held it, the same epoch when H already holds it
 * (answered again), the next epoch when another host held it (that host is named as the previous holder and its
 * agent, seeing the higher epoch in the fence, stops using the volume).
 */
@ApplicationScoped
public class Volumes {

    private static final Logger LOG = Logger.getLogger(Volumes.class);

    private final Outbox outbox;
    private final Remotes remotes;
    private final VolumeLayout layout;

    Volumes(Outbox outbox, Remotes remotes, StorageConfig config) {
        this.outbox = outbox;
        this.remotes = remotes;
        this.layout = VolumeLayout.of(config);
    }

    public VolumeLayout layout() {
        return layout;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void requested(VolumeRequested request) {
        Optional<String> invalid = Stream.of(VolumeLayout.invalidName("app", request.app()),
                VolumeLayout.invalidName("volume", request.volume()), VolumeLayout.invalidMode(request.mode()),
                Optional.ofNullable(request.hostId() == null ? "hostId is required" : null))
                .flatMap(Optional::stream).findFirst();
        if (invalid.isPresent()) {
            // an event, not a request: there is nobody to answer 400 to, and retrying would not help
            LOG.warnf("volume.requested for %s not granted: %s", VolumeRequested.key(
                    String.valueOf(request.app()), String.valueOf(request.volume())), invalid.get());
            return;
        }
        Instant now = Instant.now();
        Volume volume = lockOrCreate(request.app(), request.volume(), request.mode(), now);
        UUID previous = null;
        Instant previousSyncAt = null;
        if (!request.hostId().equals(volume.holderHostId)) {
            previous = volume.holderHostId;
            previousSyncAt = Boolean.TRUE.equals(volume.lastSyncSucceeded) ? volume.lastSyncAt : null;
            volume.epoch++;
            volume.holderHostId = request.hostId();
            volume.leasedAt = now;
            volume.lastSyncAt = null;
            volume.lastSyncSucceeded = null;
        }
        volume.mode = request.mode();
        volume.requestedAt = request.at();
        volume.readyAt = now;
        outbox.emit(EventTypes.VOLUME_READY, VolumeRequested.key(volume.app, volume.name), new VolumeReady(
                volume.app, volume.name, volume.mode, volume.holderHostId, previous, previousSyncAt,
                layout.lease(volume.app, volume.name, volume.mode, volume.epoch), now));
    }

    /**
     * The volume's row, locked; made first when missing. Two requests for a new volume may race: the insert yields
     * to the other's instead of failing.
     */
    private static Volume lockOrCreate(String app, String name, String mode, Instant now) {
        Volume.getEntityManager().createNativeQuery("""
                INSERT INTO volume (app, name, mode, requested_at, created_at, backup_enabled, backup_interval_minutes,
                    backup_keep_last, backup_max_age_days, next_backup_at)
                VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (app, name) DO NOTHING""")
                .setParameter(1, app).setParameter(2, name).setParameter(3, mode).setParameter(4, now)
                .setParameter(5, Volume.DEFAULT_POLICY.enabled())
                .setParameter(6, Volume.DEFAULT_POLICY.intervalMinutes())
                .setParameter(7, Volume.DEFAULT_POLICY.keepLast())
                .setParameter(8, Volume.DEFAULT_POLICY.maxAgeDays())
                .setParameter(9, now.plus(Duration.ofMinutes(Volume.DEFAULT_POLICY.intervalMinutes())))
                .executeUpdate();
        return Volume.findById(new Volume.Key(app, name), LockModeType.PESSIMISTIC_WRITE);
    }

    /** Whether a full report's volume states would change anything (a read: reports come often). */
    @Transactional
    public boolean syncChanged(UUID hostId, List<VolumeState> states) {
        return states.stream().anyMatch(state -> held(hostId, state, Volume.findById(key(state)))
                .filter(volume -> changed(volume, state)).isPresent());
    }

    /** Records the last sync of each volume {@code hostId} reports and holds (at the lease's epoch). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void synced(UUID hostId, List<VolumeState> states) {
        for (VolumeState state : states) {
            held(hostId, state, Volume.findById(key(state), LockModeType.PESSIMISTIC_WRITE))
                    .filter(volume -> changed(volume, state)).ifPresent(volume -> {
                        volume.lastSyncAt = state.lastSyncAt();
                        volume.lastSyncSucceeded = state.lastSyncSucceeded();
                    });
        }
    }

    private static Volume.Key key(VolumeState state) {
        return new Volume.Key(state.app(), state.name());
    }

    private static Optional<Volume> held(UUID hostId, VolumeState state, Volume volume) {
        return Optional.ofNullable(volume)
                .filter(v -> hostId.equals(v.holderHostId) && v.epoch == state.epoch());
    }

    private static boolean changed(Volume volume, VolumeState state) {
        return state.lastSyncAt() != null && (!state.lastSyncAt().equals(volume.lastSyncAt)
                || !Objects.equals(state.lastSyncSucceeded(), volume.lastSyncSucceeded));
    }

    public List<VolumeView> list() {
        return Volume.<Volume>listAll(Sort.by("app").and("name")).stream().map(this::view).toList();
    }

    public VolumeView get(String app, String name) {
        return view(existing(app, name));
    }

    /** 404 for a volume no app asked for (or a name that cannot be one). */
    public static Volume existing(String app, String name) {
        Volume volume = VolumeLayout.invalidName("app", app).or(() -> VolumeLayout.invalidName("volume", name))
                .isPresent() ? null : Volume.findById(new Volume.Key(app, name));
        if (volume == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "no volume " + VolumeRequested.key(app, name));
        }
        return volume;
    }

    @Transactional
    public VolumeView setBackupPolicy(String app, String name, BackupPolicy policy) {
        Volume volume = existing(app, name);
        if (policy.remote() != null && !remotes.exists(policy.remote())) {
            throw new ProblemException(Problem.invalidField("remote", "names no defined remote: PUT "
                    + "/api/v1/remotes/" + policy.remote() + " first, or leave it out for the configured backup "
                    + "remote"));
        }
        Object lastBackup = Volume.getEntityManager().createNativeQuery(
                "SELECT max(started_at) FROM backup WHERE app = ?1 AND volume = ?2", Instant.class)
                .setParameter(1, app).setParameter(2, name).getSingleResult();
        volume.apply(policy, lastBackup == null ? Instant.now() : (Instant) lastBackup);
        return view(volume);
    }

    private VolumeView view(Volume volume) {
        return new VolumeView(volume.app, volume.name, volume.mode, layout.remote(volume.app, volume.name,
                volume.mode), volume.holderHostId, volume.epoch, volume.leasedAt, volume.lastSyncAt,
                volume.lastSyncSucceeded, volume.policy(), volume.createdAt);
    }
}
