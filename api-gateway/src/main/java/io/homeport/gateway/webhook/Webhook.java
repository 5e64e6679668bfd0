package io.homeport.gateway.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A webhook subscription; its secret is kept encrypted ({@link WebhookSecrets}). */
@Entity
@Table(name = "webhook")
public class Webhook extends PanacheEntityBase {

    @Id
    public UUID id;

    public String url;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> types;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> subjects;

    @Enumerated(EnumType.STRING)
    public WebhookFormat format;

    public byte[] secret;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;
}
