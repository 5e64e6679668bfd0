package io.homeport.storage.remote;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A stored rclone remote: options in clear, credentials encrypted ({@link RemoteCredentials}). */
@Entity
@Table(name = "remote")
public class Remote extends PanacheEntityBase {

    @Id
    public String name;

    public String type;

    /** The options that are not credentials. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> options;

    /** Which credentials are set, for views. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "credential_names")
    public List<String> credentialNames;

    /** The credentials as one JSON object, encrypted with the master key. */
    public byte[] credentials;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
