package io.homeport.deployer.volume;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A volume of an app as the deployer last asked the storage-manager for it ({@code mode}, when), and whether the
 * storage-manager has answered that it is ready. What the volume is made of is the storage-manager's.
 */
@Entity
@Table(name = "app_volume")
@IdClass(AppVolume.Key.class)
public class AppVolume extends PanacheEntityBase {

    public record Key(String app, String name) {
    }

    @Id
    public String app;

    @Id
    public String name;

    /** {@code shared} or {@code local-synced}. */
    public String mode;

    @Column(name = "requested_at")
    public Instant requestedAt;

    /** When the storage-manager said it is ready; null while it is pending. */
    @Column(name = "ready_at")
    public Instant readyAt;

    public boolean ready() {
        return readyAt != null;
    }
}
