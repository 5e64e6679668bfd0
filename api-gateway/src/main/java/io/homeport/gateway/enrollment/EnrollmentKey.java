package io.homeport.gateway.enrollment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An enrollment key; the key itself is never stored, only its hash. */
@Entity
@Table(name = "enrollment_key")
public class EnrollmentKey extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "key_hash")
    public String keyHash;

    @Enumerated(EnumType.STRING)
    public EnrollmentKeyKind kind;

    @Column(name = "host_id")
    public UUID hostId;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> labels;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "max_uses")
    public int maxUses;

    public int uses;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;
}
