package io.homeport.storage.agent;

import io.homeport.agent.protocol.Frame;
import io.homeport.events.EventTypes;
import io.homeport.events.agent.AgentCommandRequested;
import io.homeport.platform.outbox.Outbox;
import io.homeport.storage.config.StorageConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Sends commands to agents as {@code agent.command.requested} (through the outbox, key = host id); the agent hub
 * delivers them and relays the answers. Arguments may be sealed secrets: nothing here logs them.
 */
@ApplicationScoped
public class AgentCommands {

    private final Outbox outbox;
    private final Duration expiry;

    AgentCommands(Outbox outbox, StorageConfig config) {
        this.outbox = outbox;
        this.expiry = config.commandExpiry();
    }

    /** Sends a command whose answer nobody waits for. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void send(UUID hostId, Frame.Command command) {
        outbox.emit(EventTypes.AGENT_COMMAND_REQUESTED, hostId.toString(), new AgentCommandRequested(command.id(),
                hostId, command.kind(), command.args(), Instant.now().plus(expiry)));
    }

    /** Sends a command and records it, so that its answer finds what it was for. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AgentCommand await(UUID hostId, Frame.Command command, UUID backupId, UUID restoreId, String reason) {
        AgentCommand awaited = new AgentCommand();
        awaited.commandId = command.id();
        awaited.hostId = hostId;
        awaited.kind = command.kind();
        awaited.backupId = backupId;
        awaited.restoreId = restoreId;
        awaited.reason = reason;
        awaited.requestedAt = Instant.now();
        awaited.persist();
        send(hostId, command);
        return awaited;
    }

    /** Whether {@code commandId} is one of ours still waiting for its answer (a read, no write). */
    @Transactional
    public boolean awaiting(UUID commandId) {
        return commandId != null && AgentCommand.count("commandId = ?1 and completedAt is null", commandId) > 0;
    }

    /** Whether a command of {@code kind} for the backup is still waiting for its answer. */
    public boolean pending(UUID backupId, String kind) {
        return AgentCommand.count("backupId = ?1 and kind = ?2 and completedAt is null", backupId, kind) > 0;
    }
}
