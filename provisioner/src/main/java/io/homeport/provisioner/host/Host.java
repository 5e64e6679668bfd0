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

    /** The SSH private key, encrypted with the master key ({@link SshKeys}); never leaves the provisioner. */
    @Column(name = "ssh_key")
    public byte[] sshKey;

    /** Instead of {@link #sshKey}: a key file's name in the key directory. */
    @Column(name = "ssh_key_reference")
    public String sshKeyReference;

    /** The pinned host key (SHA256:…): given at registration or taken on first contact; a different key stops. */
    @Column(name = "host_key_fingerprint")
    public String hostKeyFingerprint;

    /** The pinned host key itself, as a known_hosts entry wants it ({@code ssh-ed25519 AAAA…}). */
    @Column(name = "host_public_key")
    public String hostPublicKey;

    /** What preflight found, e.g. {@code Debian GNU/Linux 12 (bookworm)}. */
    public String os;

    @Column(name = "decommissioned_at")
    public Instant decommissionedAt;

    /** The host that replaced this one (state REPLACED). */
    @Column(name = "replaced_by")
    public UUID replacedBy;

    @Column(name = "replaced_at")
    public Instant replacedAt;

    @Version
    public long version;
}
