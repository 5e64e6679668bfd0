package io.homeport.deployer.secret;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/** One value of a secret, encrypted with the master key ({@code secret:<name>:<version>} bound in). */
@Entity
@Table(name = "secret_version")
@IdClass(SecretVersion.Key.class)
public class SecretVersion extends PanacheEntityBase {

    public record Key(String name, long version) {
    }

    @Id
    public String name;

    @Id
    public long version;

    public byte[] ciphertext;

    @Column(name = "created_at")
    public Instant createdAt;

    /** What the ciphertext is bound to: moved to another row, it does not open. */
    static String context(String name, long version) {
        return "secret:" + name + ":" + version;
    }
}
