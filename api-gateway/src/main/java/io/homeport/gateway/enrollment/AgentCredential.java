package io.homeport.gateway.enrollment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The credential an enrolled agent presents when it connects; only its hash is stored. */
@Entity
@Table(name = "agent_credential")
public class AgentCredential extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "host_id")
    public UUID hostId;

    @Column(name = "credential_hash")
    public String credentialHash;

    @Column(name = "key_id")
    public UUID keyId;

    public String hostname;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** Revoked because its host was replaced or decommissioned: its agent is told to stop everything. */
    public boolean retired;
}
