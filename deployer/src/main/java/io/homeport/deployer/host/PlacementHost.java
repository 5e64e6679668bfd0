package io.homeport.deployer.host;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A host the deployer may place applications on: the inventory's events (registered, adopted) give its name and
 * labels, its agent's connection events whether it is online and its capacity.
 */
@Entity
@Table(name = "placement_host")
public class PlacementHost extends PanacheEntityBase {

    @Id
    @Column(name = "host_id")
    public UUID hostId;

    public String name;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> labels;

    @Column(name = "registered_at")
    public Instant registeredAt;

    @Column(name = "known_since")
    public Instant knownSince;

    /** Whether its agent is connected, from the hub's agent.connected / agent.disconnected events. */
    public boolean online;

    /** CPUs and memory its agent reported when it last connected. */
    public double cpus;

    @Column(name = "memory_mb")
    public long memoryMb;

    /** The public JWK its agent offered when it last connected; secrets for the host are sealed to it. */
    @Column(name = "sealing_key")
    public String sealingKey;

    /** When it was evacuated; while set, nothing new is placed on it. */
    @Column(name = "drained_at")
    public Instant drainedAt;

    /** When the provisioner declared it lost (host.lost); cleared by host.online. Nothing is placed on it meanwhile. */
    @Column(name = "lost_at")
    public Instant lostAt;

    /** The host that replaced it (host.replaced): it takes no apps again, and its apps move there. */
    @Column(name = "replaced_by")
    public UUID replacedBy;

    /** When its apps began to move to {@link #replacedBy}: null until that host's agent is connected. */
    @Column(name = "replacement_moved_at")
    public Instant replacementMovedAt;

    /** Why placement must pass it over whatever its agent says, or null when it may take apps. */
    public String unavailable() {
        if (replacedBy != null) {
            return "replaced by host " + replacedBy;
        }
        if (lostAt != null) {
            return "lost since " + lostAt + " (no heartbeats)";
        }
        if (drainedAt != null) {
            return "drained since " + drainedAt + " (DELETE /api/v1/hosts/" + hostId + "/evacuate to place apps on it)";
        }
        return null;
    }
}
