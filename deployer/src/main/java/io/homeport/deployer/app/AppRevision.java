package io.homeport.deployer.app;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One revision of an app's spec, kept as the JSON it was accepted as ({@link AppSpecJson}). */
@Entity
@Table(name = "app_revision")
@IdClass(AppRevision.Key.class)
public class AppRevision extends PanacheEntityBase {

    public record Key(String app, long revision) {
    }

    @Id
    public String app;

    @Id
    public long revision;

    @JdbcTypeCode(SqlTypes.JSON)
    public String spec;

    /** The version of each secret the spec refers to, as it was when the revision was deployed. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "secret_versions")
    public Map<String, Long> secretVersions = new HashMap<>();

    @Column(name = "created_at")
    public Instant createdAt;
}
