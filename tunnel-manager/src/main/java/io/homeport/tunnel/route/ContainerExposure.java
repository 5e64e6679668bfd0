package io.homeport.tunnel.route;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A container's exposure labels as last reported (by hash), whether it ran, and whether its labels were rejected. */
@Entity
@Table(name = "container_exposure")
@IdClass(ContainerExposure.Key.class)
public class ContainerExposure extends PanacheEntityBase {

    public record Key(UUID hostId, String container) {
    }

    @Id
    @Column(name = "host_id")
    public UUID hostId;

    @Id
    public String container;

    public String app;

    @Column(name = "labels_hash")
    public String labelsHash;

    public boolean running;

    public boolean rejected;

    @Column(name = "seen_at")
    public Instant seenAt;
}
