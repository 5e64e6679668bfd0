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

    /** The app's row in a replacement, null when none has named it yet. */
    static ReplacementApp of(UUID replacementId, String app) {
        return find("replacementId = ?1 and app = ?2", replacementId, app).firstResult();
    }

    boolean moving() {
        return !STRANDED.equals(state);
    }

    /**
     * Whether it is through an app phase of its replacement: its volumes (if any) granted on the new host, or it
     * runs there already (restore-data); it runs there (start-apps); its hostnames are on the new host's tunnel
     * (move-routes).
     */
    boolean doneWith(ReplacementPhase phase) {
        return switch (phase) {
            case RESTORE_DATA -> MOVED.equals(state) || volumesRequested > 0 && volumesReady >= volumesRequested;
            case START_APPS -> MOVED.equals(state);
            case MOVE_ROUTES -> routesMoved();
            default -> throw new IllegalArgumentException("not an app phase: " + phase);
        };
    }

    /** When it got through an app phase, if it did; null for a phase it was through without an event of its own. */
    Instant endOf(ReplacementPhase phase) {
        return switch (phase) {
            case RESTORE_DATA -> dataReadyAt;
            case START_APPS -> startedAt;
            case MOVE_ROUTES -> servingSince;
            default -> throw new IllegalArgumentException("not an app phase: " + phase);
        };
    }

    boolean routesMoved() {
        return routesMoved.containsAll(routesExpected);
    }
}
