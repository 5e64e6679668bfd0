package io.homeport.storage.mount;

import io.homeport.agent.protocol.MountHealth;
import io.homeport.events.EventTypes;
import io.homeport.events.storage.MountDegraded;
import io.homeport.events.storage.MountHealthy;
import io.homeport.platform.outbox.Outbox;
import io.homeport.storage.config.StorageConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A host's mount health from its agent's full reports: HEALTHY or DEGRADED, with {@code storage.mount.healthy} /
 * {@code storage.mount.degraded} emitted once per transition. Reports come often and mostly say what was said
 * before, so {@link #changes} is a read and only a transition is written. A report older than the state it would
 * replace (redelivered late) changes nothing.
 */
@ApplicationScoped
public class MountHealthReports {

    private final Outbox outbox;
    private final String mountPath;

    MountHealthReports(Outbox outbox, StorageConfig config) {
        this.outbox = outbox;
        this.mountPath = config.mountPath();
    }

    /** Whether the report moves the host's mount to another state. */
    @Transactional
    public boolean changes(UUID hostId, List<MountHealth> mounts, Instant reportedAt) {
        return shared(mounts).filter(health -> transition(HostMount.findById(hostId), health, reportedAt))
                .isPresent();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(UUID hostId, List<MountHealth> mounts, Instant reportedAt) {
        Optional<MountHealth> reported = shared(mounts);
        if (reported.isEmpty()) {
            return;
        }
        MountHealth health = reported.get();
        HostMount mount = lockOrCreate(hostId);
        if (!transition(mount, health, reportedAt)) {
            return;
        }
        Instant at = checkedAt(health, reportedAt);
        mount.state = health.healthy() ? MountState.HEALTHY : MountState.DEGRADED;
        mount.stateSince = at;
        mount.message = health.healthy() ? null : health.message();
        if (health.healthy()) {
            outbox.emit(EventTypes.STORAGE_MOUNT_HEALTHY, hostId.toString(),
                    new MountHealthy(hostId, health.path(), at));
        } else {
            outbox.emit(EventTypes.STORAGE_MOUNT_DEGRADED, hostId.toString(), new MountDegraded(hostId,
                    health.path(), Objects.requireNonNullElse(health.message(), "the agent reports it unhealthy"),
                    health.uploadsQueued(), health.errors(), at));
        }
    }

    /** The shared remote's mount among those reported (the one at the mount path, else the first). */
    private Optional<MountHealth> shared(List<MountHealth> mounts) {
        return mounts.stream().filter(m -> mountPath.equals(m.path())).findFirst()
                .or(() -> mounts.stream().findFirst());
    }

    private static boolean transition(HostMount mount, MountHealth health, Instant reportedAt) {
        if (mount == null) {
            return true;
        }
        MountState reported = health.healthy() ? MountState.HEALTHY : MountState.DEGRADED;
        return reported != mount.state
                && (mount.stateSince == null || !checkedAt(health, reportedAt).isBefore(mount.stateSince));
    }

    private static Instant checkedAt(MountHealth health, Instant reportedAt) {
        return health.checkedAt() != null ? health.checkedAt() : reportedAt != null ? reportedAt : Instant.now();
    }

    /** Hosts adopted by hand have no registration event: their mount row is made on their first report. */
    private HostMount lockOrCreate(UUID hostId) {
        HostMount.getEntityManager().createNativeQuery("""
                INSERT INTO host_mount (host_id, host_name, mount_path, state, created_at)
                VALUES (?1, ?2, ?3, 'PENDING', now()) ON CONFLICT (host_id) DO NOTHING""")
                .setParameter(1, hostId).setParameter(2, hostId.toString()).setParameter(3, mountPath)
                .executeUpdate();
        return HostMount.findById(hostId, LockModeType.PESSIMISTIC_WRITE);
    }
}
