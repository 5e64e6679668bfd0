package io.homeport.deployer.app;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An application: the revision its hosts are told to run and the last one that passed its health gate. */
@Entity
@Table(name = "app")
public class App extends PanacheEntityBase {

    @Id
    public String name;

    @Column(name = "target_revision")
    public long targetRevision;

    @Column(name = "good_revision")
    public Long goodRevision;

    @Column(name = "created_at")
    public Instant createdAt;
}
