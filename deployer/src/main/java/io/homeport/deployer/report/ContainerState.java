package io.homeport.deployer.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A managed container as its agent last reported it. */
@Entity(name = "ReportedContainer")
@Table(name = "container_state")
@IdClass(ContainerState.Key.class)
public class ContainerState extends PanacheEntityBase {

    public record Key(UUID hostId, String name) {
    }

    @Id
    @Column(name = "host_id")
    public UUID hostId;

    @Id
    public String name;

    public String app;

    public Long revision;

    public String state;

    public String health;

    /** Since when it has been running without a break, as far as reports tell; null when it is not running. */
    @Column(name = "running_since")
    public Instant runningSince;

    @Column(name = "reported_at")
    public Instant reportedAt;
}
