package io.homeport.deployer.failover;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One move of an app off a host (failover or evacuation), keyed by the deployment that carries it out. */
@Entity
@Table(name = "app_move")
public class AppMove extends PanacheEntityBase {

    /** Why an app moved, as events and the app view name it. */
    public static final String HOST_LOST = "host-lost";
    public static final String EVACUATED = "evacuated";
    public static final String REPLACED = "replaced";

    @Id
    @Column(name = "deployment_id")
    public UUID deploymentId;

    public String app;

    @Column(name = "from_host_id")
    public UUID fromHostId;

    @Column(name = "to_host_id")
    public UUID toHostId;

    public String reason;

    @Column(name = "started_at")
    public Instant startedAt;

    /** When its replicas were placed on the new host; null while the deployment waits for the volume leases. */
    @Column(name = "moved_at")
    public Instant movedAt;
}
