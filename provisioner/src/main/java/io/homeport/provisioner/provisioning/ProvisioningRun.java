package io.homeport.provisioner.provisioning;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** One application of the playbook to one host. Holds no secret: keys live only in the run's workspace. */
@Entity
@Table(name = "provisioning_run")
public class ProvisioningRun extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "host_id")
    public UUID hostId;

    @Enumerated(EnumType.STRING)
    public RunState state;

    public String os;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "total_steps")
    public int totalSteps;

    @Column(name = "done_steps")
    public int doneSteps;

    public int ok;

    public int changed;

    @Column(name = "failed_task")
    public String failedTask;

    public String message;

    /** Set by a cancel request; whichever provisioner replica runs the playbook ends it. */
    @Column(name = "cancel_requested")
    public boolean cancelRequested;

    /** When the replica running the playbook last said it still does. */
    @Column(name = "alive_at")
    public Instant aliveAt;

    @Version
    public long version;
}
