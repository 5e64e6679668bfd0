package io.homeport.deployer.host;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** The revision of the desired state last published for a host; each publication takes the next one. */
@Entity
@Table(name = "host_desired")
public class HostDesired extends PanacheEntityBase {

    @Id
    @Column(name = "host_id")
    public UUID hostId;

    public long revision;
}
