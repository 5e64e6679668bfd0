package io.homeport.deployer.secret;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A stored secret: its name and current version; the values are {@link SecretVersion}s. */
@Entity
@Table(name = "secret")
public class Secret extends PanacheEntityBase {

    @Id
    public String name;

    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
