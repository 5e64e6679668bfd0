package io.homeport.storage.backup;

import io.homeport.agent.protocol.Commands;
import io.homeport.agent.protocol.Frame;
import io.homeport.events.EventTypes;
import io.homeport.events.agent.AgentCommandCompleted;
import io.homeport.events.storage.BackupCompleted;
import io.homeport.events.storage.BackupDeleted;
import io.homeport.events.storage.BackupFailed;
import io.homeport.events.storage.BackupRestoreFailed;
import io.homeport.events.storage.BackupRestored;
import io.homeport.events.storage.VolumeRequested;
import io.homeport.platform.outbox.Outbox;
import io.homeport.storage.agent.AgentCommand;
import io.homeport.storage.agent.AgentCommands;
import io.homeport.storage.volume.Volume;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * What agents answer to the storage-manager's commands ({@code agent.command.completed}): a backup COMPLETED (then
 * retention) or FAILED, a verification that marks a backup CORRUPT or verified, a deletion, a restore.
 */
@ApplicationScoped
public class BackupOutcomes {

    private static final Logger LOG = Logger.getLogger(BackupOutcomes.class);
    private static final int MAX_REASON = 4000;
    /** Failures that say nothing about the backup itself (an old agent, a refused or malformed command). */
    private static final Set<Frame.Failure> NOT_ABOUT_THE_BACKUP = Set.of(Frame.Failure.UNSUPPORTED,
            Frame.Failure.INVALID, Frame.Failure.REFUSED);

    private final Outbox outbox;
    private final Backups backups;
    private final AgentCommands commands;

    BackupOutcomes(Outbox outbox, Backups backups, AgentCommands commands) {
        this.outbox = outbox;
        this.backups = backups;
        this.commands = commands;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void completed(AgentCommandCompleted answer) {
        AgentCommand command = AgentCommand.findById(answer.commandId(), LockModeType.PESSIMISTIC_WRITE);
        if (command == null || command.completedAt != null) {
            return;
        }
        command.completedAt = Instant.now();
        if (Commands.RESTORE.equals(command.kind)) {
            restored(command, answer);
            return;
        }
        Backup backup = Backup.findById(command.backupId, LockModeType.PESSIMISTIC_WRITE);
        switch (command.kind) {
            case Commands.BACKUP -> backedUp(backup, answer);
            case Commands.VERIFY_BACKUP -> verified(backup, answer);
            case Commands.DELETE_BACKUP -> deleted(backup, command, answer);
            default -> LOG.warnf("No outcome for a %s command (%s)", command.kind, command.commandId);
        }
    }

    private void backedUp(Backup backup, AgentCommandCompleted answer) {
        if (backup.state != BackupState.RUNNING) {
            return; // failed by the timeout meanwhile
        }
        if (!answer.succeeded()) {
            backups.fail(backup, reason(answer));
            return;
        }
        backup.state = BackupState.COMPLETED;
        backup.finishedAt = Instant.now();
        outbox.emit(EventTypes.BACKUP_COMPLETED, key(backup), new BackupCompleted(backup.id, backup.app,
                backup.volume, backup.hostId, backup.location, backup.startedAt, backup.finishedAt));
        applyRetention(Volume.findById(new Volume.Key(backup.app, backup.volume)));
    }

    /** Deletes what the volume's policy lets go; backups already being deleted are left to that. */
    private void applyRetention(Volume volume) {
        List<Retention.Candidate> candidates = Backup.<Backup>list("app = ?1 and volume = ?2 and state in ?3",
                volume.app, volume.name, Set.of(BackupState.COMPLETED, BackupState.CORRUPT)).stream()
                .filter(b -> !commands.pending(b.id, Commands.DELETE_BACKUP))
                .map(b -> new Retention.Candidate(b.id, b.startedAt, b.state == BackupState.COMPLETED)).toList();
        for (Retention.Expired expired : Retention.expired(candidates, volume.backupKeepLast,
                volume.backupMaxAgeDays, Instant.now())) {
            backups.deleteFromRemote(Backup.findById(expired.id()), expired.reason());
        }
    }

    private void verified(Backup backup, AgentCommandCompleted answer) {
        if (answer.succeeded()) {
            backup.state = BackupState.COMPLETED;
            backup.verifiedAt = Instant.now();
            backup.message = null;
        } else if (NOT_ABOUT_THE_BACKUP.contains(answer.failure())) {
            backup.message = "could not be verified: " + reason(answer);
        } else {
            backup.state = BackupState.CORRUPT;
            backup.message = reason(answer);
            outbox.emit(EventTypes.BACKUP_FAILED, key(backup), new BackupFailed(backup.id, backup.app,
                    backup.volume, answer.hostId(), "verification failed: " + backup.message, Instant.now()));
        }
    }

    private void deleted(Backup backup, AgentCommand command, AgentCommandCompleted answer) {
        if (!answer.succeeded()) {
            backup.message = "could not be deleted: " + reason(answer);
            return;
        }
        backup.state = BackupState.DELETED;
        backup.message = command.reason;
        outbox.emit(EventTypes.BACKUP_DELETED, key(backup), new BackupDeleted(backup.id, backup.app, backup.volume,
                command.reason, Instant.now()));
    }

    private void restored(AgentCommand command, AgentCommandCompleted answer) {
        Restore restore = Restore.findById(command.restoreId, LockModeType.PESSIMISTIC_WRITE);
        restore.finishedAt = Instant.now();
        String key = VolumeRequested.key(restore.app, restore.volume);
        if (answer.succeeded()) {
            restore.state = Restore.COMPLETED;
            outbox.emit(EventTypes.BACKUP_RESTORED, key, new BackupRestored(restore.id, restore.backupId,
                    restore.app, restore.volume, restore.hostId, restore.destination, restore.finishedAt));
        } else {
            restore.state = Restore.FAILED;
            restore.message = reason(answer);
            outbox.emit(EventTypes.BACKUP_RESTORE_FAILED, key, new BackupRestoreFailed(restore.id,
                    restore.backupId, restore.app, restore.volume, restore.hostId, restore.message,
                    restore.finishedAt));
        }
    }

    private static String key(Backup backup) {
        return VolumeRequested.key(backup.app, backup.volume);
    }

    /** The agent's reason (its output says what failed), bounded. */
    private static String reason(AgentCommandCompleted answer) {
        String output = answer.output() == null || answer.output().isBlank()
                ? "the agent reports " + answer.failure() : answer.output().strip();
        return output.length() > MAX_REASON ? output.substring(0, MAX_REASON) + "…" : output;
    }
}
