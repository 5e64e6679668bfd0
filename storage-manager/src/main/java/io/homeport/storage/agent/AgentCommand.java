package io.homeport.storage.agent;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A command sent to an agent whose answer the storage-manager waits for, and what it was for. */
@Entity
@Table(name = "agent_command")
public class AgentCommand extends PanacheEntityBase {

    @Id
    @Column(name = "command_id")
    public UUID commandId;

    @Column(name = "host_id")
    public UUID hostId;

    /** agent-protocol {@code Commands} kind. */
    public String kind;

    @Column(name = "backup_id")
    public UUID backupId;

    @Column(name = "restore_id")
    public UUID restoreId;

    /** Why it was sent, where that matters to the outcome (e.g. why a backup is deleted). */
    public String reason;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "completed_at")
    public Instant completedAt;
}
