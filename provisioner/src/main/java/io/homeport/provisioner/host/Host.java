package io.homeport.provisioner.host;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A host of the inventory. Stays inside the provisioner; others learn of it through events. */
@Entity
@Table(name = "host")
public class Host extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    public String address;

    public int port;

    @Column(name = "ssh_user")
    public String sshUser;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> labels;

    @Enumerated(EnumType.STRING)
    public HostState state;

    @Enumerated(EnumType.STRING)
    public HostOrigin origin;

    @Column(name = "registered_at")
    public Instant registeredAt;

    @Version
    public long version;
}
