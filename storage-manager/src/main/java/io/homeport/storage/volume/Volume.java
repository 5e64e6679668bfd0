package io.homeport.storage.volume;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/** An app's volume as the storage-manager keeps it. */
@Entity
@Table(name = "volume")
@IdClass(Volume.Key.class)
public class Volume extends PanacheEntityBase {

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

    /** When it became ready to be mounted; null while the work before that (issue 6) is under way. */
    @Column(name = "ready_at")
    public Instant readyAt;
}
