package io.homeport.provisioner.replacement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Which host's tunnel serves a hostname (and path), for which app, from the tunnel-manager's events: what a
 * replacement expects to see moved to the new host.
 */
@Entity
@Table(name = "exposed_route")
public class ExposedRoute extends PanacheEntityBase {

    /** {@code hostname} or {@code hostname/path}. */
    @Id
    public String route;

    public String app;

    @Column(name = "host_id")
    public UUID hostId;

    public Instant at;

    static String of(String hostname, String path) {
        return path == null || path.isBlank() ? hostname : hostname + "/" + path.replaceFirst("^/+", "");
    }
}
