package io.homeport.tunnel.route;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.homeport.tunnel.label.Access;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One public hostname (and path, {@code ""} for none) that a container on a host asks for. Of all routes of one
 * hostname and path, the one served is the {@link State#ACTIVE} one that became active last, else the
 * {@link State#GRACE} one: so an app that moved is served from its new host at once. Updated column by column
 * ({@link DynamicUpdate}): reports change its state while the reconciler records what it served.
 */
@Entity
@DynamicUpdate
@Table(name = "exposed_route")
@IdClass(ExposedRoute.Key.class)
public class ExposedRoute extends PanacheEntityBase {

    public record Key(UUID hostId, String container, String hostname, String path) {
    }

    public enum State {
        /** The container runs. */
        ACTIVE,
        /** The container stopped or went away: served until {@code removeAt}, unless it runs again before. */
        GRACE
    }

    @Id
    @Column(name = "host_id")
    public UUID hostId;

    @Id
    public String container;

    @Id
    public String hostname;

    @Id
    public String path;

    @Column(name = "zone_name")
    public String zoneName;

    public String service;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "origin_request")
    public ObjectNode originRequest;

    public String app;

    /** What the container's {@code access.*} labels ask for; null for a public route. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Access access;

    @Enumerated(EnumType.STRING)
    public State state;

    @Column(name = "active_since")
    public Instant activeSince;

    @Column(name = "remove_at")
    public Instant removeAt;

    /** The host whose route of this hostname and path this one took over (an app that moved), if any. */
    @Column(name = "previous_host_id")
    public UUID previousHostId;

    /** When {@code route.exposed} was emitted for it (its tunnel serves it); null until then. */
    @Column(name = "exposed_at")
    public Instant exposedAt;

    /** Why the route cannot be served (something Homeport does not own is in the way); null when it can. */
    public String conflict;
}
