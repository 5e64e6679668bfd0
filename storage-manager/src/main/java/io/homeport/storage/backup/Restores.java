package io.homeport.storage.backup;

import io.homeport.agent.protocol.Commands;
import io.homeport.api.storage.RestoreRequest;
import io.homeport.api.storage.RestoreView;
import io.homeport.events.storage.VolumeRequested;
import io.homeport.platform.problem.ProblemException;
import io.homeport.platform.problem.ProblemType;
import io.homeport.storage.agent.AgentCommands;
import io.homeport.storage.config.StorageConfig;
import io.homeport.storage.volume.Volume;
import io.homeport.storage.volume.VolumeLayout;
import io.homeport.storage.volume.Volumes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Restores of COMPLETED backups onto a host (the lease holder unless another is named): the agent verifies the
 * backup against its checksums and only then makes the destination an exact copy of it.
 */
@ApplicationScoped
public class Restores {

    private final AgentCommands commands;
    private final VolumeLayout layout;

    Restores(AgentCommands commands, StorageConfig config) {
        this.commands = commands;
        this.layout = VolumeLayout.of(config);
    }

    @Transactional
    public RestoreView start(String app, String name, UUID backupId, RestoreRequest request) {
        Volume volume = Volumes.existing(app, name);
        Backup backup = Backups.existing(app, name, backupId, true);
        Backups.requireState(backup, Set.of(BackupState.COMPLETED), "restored"
                + (backup.message == null ? "" : " (" + backup.message + ")"));
        String path = request == null ? null : request.path();
        String destination = layout.restoreDestination(app, name, volume.mode, path);
        UUID hostId = request != null && request.hostId() != null ? request.hostId() : volume.holderHostId;
        if (hostId == null) {
            throw new ProblemException(ProblemType.CONFLICT, "no host holds the lease of volume "
                    + VolumeRequested.key(app, name) + ": name the host to restore on (hostId)");
        }
        Restore restore = new Restore();
        restore.id = UUID.randomUUID();
        restore.backupId = backup.id;
        restore.app = app;
        restore.volume = name;
        restore.hostId = hostId;
        restore.destination = destination;
        restore.state = Restore.RUNNING;
        restore.startedAt = Instant.now();
        restore.persist();
        commands.await(hostId, Commands.restore(backup.location, backup.checksums, destination), backup.id,
                restore.id, null);
        return restore.view();
    }

    public RestoreView get(String app, String name, UUID id) {
        Restore restore = Restore.findById(id);
        if (restore == null || !restore.app.equals(app) || !restore.volume.equals(name)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "no restore " + id + " of volume "
                    + VolumeRequested.key(app, name));
        }
        return restore.view();
    }
}
