package io.homeport.storage.agent;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The public key a host's agent offered when it last connected; its rclone config is sealed to it. */
@Entity
@Table(name = "agent_key")
public class AgentKey extends PanacheEntityBase {

    @Id
    @Column(name = "host_id")
    public UUID hostId;

    @Column(name = "sealing_key")
    public String sealingKey;

    @Column(name = "connected_at")
    public Instant connectedAt;
}
