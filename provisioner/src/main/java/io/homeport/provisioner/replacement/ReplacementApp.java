package io.homeport.provisioner.replacement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What became of one app that was placed on a replaced host. */
@Entity
@Table(name = "host_replacement_app")
public class ReplacementApp extends PanacheEntityBase {

    public static final String MOVING = "moving";
    public static final String MOVED = "moved";
    public static final String STRANDED = "stranded";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "replacement_id")
    public UUID replacementId;

    public String app;

    /** {@link #MOVING}, {@link #MOVED} or {@link #STRANDED}. */
    public String state;

    public String problem;

    @Column(name = "volumes_requested")
    public int volumesRequested;

    @Column(name = "volumes_ready")
    public int volumesReady;

    @Column(name = "data_restored_from")
    public Instant dataRestoredFrom;

    @Column(name = "data_ready_at")
    public Instant dataReadyAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "routes_expected")
    public List<String> routesExpected = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "routes_moved")
    public List<String> routesMoved = new ArrayList<>();

    @Column(name = "serving_since")
    public Instant servingSince;

    boolean moving() {
        return !STRANDED.equals(state);
    }

    /** Its volumes (if any) are granted on the new host, or it already runs there. */
    boolean dataReady() {
        return MOVED.equals(state) || volumesRequested > 0 && volumesReady >= volumesRequested;
    }

    boolean routesMoved() {
        return routesMoved.containsAll(routesExpected);
    }
}
