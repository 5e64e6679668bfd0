package io.homeport.deployer.app;

import io.homeport.agent.protocol.ContainerSpec;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.UUID;

/** Where one replica of an app runs. */
@Entity
@Table(name = "replica")
@IdClass(Replica.Key.class)
public class Replica extends PanacheEntityBase {

    public record Key(String app, int replica) {
    }

    @Id
    public String app;

    @Id
    public int replica;

    @Column(name = "host_id")
    public UUID hostId;

    /** The container's name on its host, as the agent names it. */
    public String container() {
        return ContainerSpec.containerName(app, replica);
    }
}
