package io.homeport.storage.backup;

import io.homeport.agent.protocol.Commands;
import io.homeport.api.storage.BackupView;
import io.homeport.events.EventTypes;
import io.homeport.events.storage.BackupFailed;
import io.homeport.events.storage.VolumeRequested;
import io.homeport.platform.outbox.Outbox;
import io.homeport.platform.problem.ProblemException;
import io.homeport.platform.problem.ProblemType;
import io.homeport.storage.agent.AgentCommand;
import io.homeport.storage.agent.AgentCommands;
import io.homeport.storage.config.StorageConfig;
import io.homeport.storage.volume.Volume;
import io.homeport.storage.volume.VolumeLayout;
import io.homeport.storage.volume.Volumes;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Backups of volumes, made by the agent of the host holding the volume's lease: started on request or when due
 * ({@link BackupScheduler}), answered by {@link BackupOutcomes}; verified and deleted through the same agent.
 */
@ApplicationScoped
public class Backups {

    private static final int DUE_PER_PASS = 20;

    private final AgentCommands commands;
    private final Outbox outbox;
    private final StorageConfig config;
    private final VolumeLayout layout;

    Backups(AgentCommands commands, Outbox outbox, StorageConfig config) {
        this.commands = commands;
        this.outbox = outbox;
        this.config = config;
        this.layout = VolumeLayout.of(config);
    }

    /** A backup now: RUNNING, or 409 when no host holds the volume's lease. */
    @Transactional
    public BackupView startNow(String app, String name) {
        Volumes.existing(app, name);
        return start(Volume.findById(new Volume.Key(app, name), LockModeType.PESSIMISTIC_WRITE), Instant.now())
                .view();
    }

    /**
     * Starts the backups that are due. Each volume row is locked and skipped when another replica holds it, and
     * starting a backup moves its next due time, so a volume is backed up once however many replicas run this.
     */
    @Transactional
    public int startDue() {
        Instant now = Instant.now();
        @SuppressWarnings("unchecked")
        List<Object[]> due = Volume.getEntityManager().createNativeQuery("""
                SELECT v.app, v.name FROM volume v
                WHERE v.backup_enabled AND v.holder_host_id IS NOT NULL AND v.next_backup_at <= ?1
                  AND NOT EXISTS (SELECT 1 FROM backup b WHERE b.app = v.app AND b.volume = v.name
                                  AND b.state = 'RUNNING')
                ORDER BY v.next_backup_at LIMIT ?2
                FOR UPDATE OF v SKIP LOCKED""").setParameter(1, now).setParameter(2, DUE_PER_PASS).getResultList();
        for (Object[] key : due) {
            start(Volume.findById(new Volume.Key((String) key[0], (String) key[1])), now);
        }
        return due.size();
    }

    /** Fails the backups that have run longer than {@code homeport.storage.backup-timeout}. */
    @Transactional
    public int failTimedOut() {
        Duration timeout = config.backupTimeout();
        @SuppressWarnings("unchecked")
        List<UUID> stuck = Backup.getEntityManager().createNativeQuery("""
                SELECT id FROM backup WHERE state = 'RUNNING' AND started_at < ?1
                FOR UPDATE SKIP LOCKED""", UUID.class).setParameter(1, Instant.now().minus(timeout)).getResultList();
        for (UUID id : stuck) {
            Backup backup = Backup.findById(id);
            AgentCommand.update("completedAt = ?1 where backupId = ?2 and kind = ?3 and completedAt is null",
                    Instant.now(), id, Commands.BACKUP);
            fail(backup, "no answer from the agent of host " + backup.hostId + " within " + timeout);
        }
        return stuck.size();
    }

    private Backup start(Volume volume, Instant now) {
        if (volume.holderHostId == null) {
            throw new ProblemException(ProblemType.CONFLICT, "no host holds the lease of volume "
                    + VolumeRequested.key(volume.app, volume.name) + ": deploy its app first");
        }
        Backup backup = new Backup();
        backup.id = UUID.randomUUID();
        backup.app = volume.app;
        backup.volume = volume.name;
        backup.state = BackupState.RUNNING;
        backup.remote = volume.backupRemote != null ? volume.backupRemote : config.backupRemote();
        backup.location = freeLocation(backup.remote, volume, now);
        backup.checksums = BackupLocations.checksums(backup.location);
        backup.hostId = volume.holderHostId;
        backup.startedAt = now;
        backup.persist();
        volume.nextBackupAt = now.plus(Duration.ofMinutes(volume.backupIntervalMinutes));
        commands.await(backup.hostId, Commands.backup(layout.backupSource(volume.app, volume.name, volume.mode),
                backup.location, backup.checksums), backup.id, null, null);
        return backup;
    }

    /** The stamp's location, or with {@code -n} added when a backup of the same second has it. */
    private static String freeLocation(String remote, Volume volume, Instant now) {
        for (int attempt = 0; ; attempt++) {
            String location = BackupLocations.location(remote, volume.app, volume.name, now, attempt);
            if (Backup.count("location", location) == 0) {
                return location;
            }
        }
    }

    void fail(Backup backup, String reason) {
        backup.state = BackupState.FAILED;
        backup.finishedAt = Instant.now();
        backup.message = reason;
        outbox.emit(EventTypes.BACKUP_FAILED, VolumeRequested.key(backup.app, backup.volume), new BackupFailed(
                backup.id, backup.app, backup.volume, backup.hostId, reason, backup.finishedAt));
    }

    /** Checks a COMPLETED (or CORRUPT) backup against its checksums on the volume's holder, or the host that made it. */
    @Transactional
    public BackupView verify(String app, String name, UUID id) {
        Backup backup = existing(app, name, id, true);
        requireState(backup, Set.of(BackupState.COMPLETED, BackupState.CORRUPT), "verified");
        commands.await(runner(backup), Commands.verifyBackup(backup.location, backup.checksums), backup.id, null,
                null);
        return backup.view();
    }

    /** Deletes a backup from its remote; it is DELETED once the agent has done it. */
    @Transactional
    public BackupView delete(String app, String name, UUID id) {
        Backup backup = existing(app, name, id, true);
        if (backup.state == BackupState.DELETED || commands.pending(backup.id, Commands.DELETE_BACKUP)) {
            return backup.view();
        }
        requireState(backup, Set.of(BackupState.COMPLETED, BackupState.CORRUPT, BackupState.FAILED), "deleted");
        deleteFromRemote(backup, "deleted on request");
        return backup.view();
    }

    void deleteFromRemote(Backup backup, String reason) {
        commands.await(runner(backup), Commands.deleteBackup(backup.location, backup.checksums), backup.id, null,
                reason);
    }

    /** The host whose agent works on a backup: the volume's holder, else the host that made it. */
    static UUID runner(Backup backup) {
        Volume volume = Volume.findById(new Volume.Key(backup.app, backup.volume));
        return volume != null && volume.holderHostId != null ? volume.holderHostId : backup.hostId;
    }

    static void requireState(Backup backup, Set<BackupState> allowed, String what) {
        if (!allowed.contains(backup.state)) {
            throw new ProblemException(ProblemType.CONFLICT, "backup " + backup.id + " is " + backup.state
                    + " and cannot be " + what);
        }
    }

    public List<BackupView> list(String app, String name) {
        Volumes.existing(app, name);
        return Backup.<Backup>list("app = ?1 and volume = ?2", Sort.descending("startedAt"), app, name).stream()
                .map(Backup::view).toList();
    }

    public BackupView get(String app, String name, UUID id) {
        return existing(app, name, id, false).view();
    }

    static Backup existing(String app, String name, UUID id, boolean lock) {
        Backup backup = lock ? Backup.findById(id, LockModeType.PESSIMISTIC_WRITE) : Backup.findById(id);
        if (backup == null || !backup.app.equals(app) || !backup.volume.equals(name)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "no backup " + id + " of volume "
                    + VolumeRequested.key(app, name));
        }
        return backup;
    }
}
