package io.homeport.tunnel.tunnel;

import io.homeport.tunnel.ingress.RuleKey;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A host's Cloudflare tunnel ({@code homeport-<host name>}), what Homeport owns in its configuration, and when it is
 * next brought in line. Updated column by column ({@link DynamicUpdate}): the reconciler writes what it found while
 * consumers mark the tunnel due, and a whole-row update would undo their marks.
 */
@Entity
@DynamicUpdate
@Table(name = "host_tunnel")
public class HostTunnel extends PanacheEntityBase {

    @Id
    @Column(name = "host_id")
    public UUID hostId;

    @Column(name = "host_name")
    public String hostName;

    /** Null until the tunnel was created (or found by name). */
    @Column(name = "tunnel_id")
    public String tunnelId;

    @Column(name = "tunnel_name")
    public String tunnelName;

    /** The ingress rules Homeport wrote into the tunnel's configuration; the others are someone else's. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "owned_rules")
    public List<RuleKey> ownedRules = new ArrayList<>();

    /** When the connector was last handed to the deployer. */
    @Column(name = "connector_at")
    public Instant connectorAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "reconciled_at")
    public Instant reconciledAt;

    @Column(name = "reconcile_due")
    public Instant reconcileDue;

    /** The first change not reconciled yet: the debounce never delays a reconcile past ten debounces from it. */
    @Column(name = "pending_since")
    public Instant pendingSince;

    @Column(name = "reconciling_until")
    public Instant reconcilingUntil;

    public int failures;

    @Column(name = "last_error")
    public String lastError;

    /**
     * The tunnel's name: {@code homeport-} and the host name as a DNS label would have it, so one host's tunnel is
     * found again by name (adopted, not duplicated) if its id was lost.
     */
    public static String tunnelName(String hostName) {
        String label = hostName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("(^-+|-+$)", "");
        return "homeport-" + (label.isEmpty() ? "host" : label);
    }
}
