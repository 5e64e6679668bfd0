package io.homeport.provisioner.replacement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** One replacement run: {@code hostId} replaced by {@code newHostId}. Each {@code *At} is when that phase ended. */
@Entity
@Table(name = "host_replacement")
public class Replacement extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "host_id")
    public UUID hostId;

    @Column(name = "new_host_id")
    public UUID newHostId;

    @Column(name = "provisioning_run_id")
    public UUID provisioningRunId;

    @Enumerated(EnumType.STRING)
    public ReplacementState state;

    @Enumerated(EnumType.STRING)
    public ReplacementPhase phase;

    public String failure;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "provisioned_at")
    public Instant provisionedAt;

    @Column(name = "enrolled_at")
    public Instant enrolledAt;

    /** When the deployer began moving the apps. */
    @Column(name = "evacuation_at")
    public Instant evacuationAt;

    @Column(name = "restored_at")
    public Instant restoredAt;

    @Column(name = "apps_started_at")
    public Instant appsStartedAt;

    @Column(name = "routes_moved_at")
    public Instant routesMovedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Version
    public long version;

    /** When {@code phase} ended, null while it has not. */
    Instant endOf(ReplacementPhase of) {
        return switch (of) {
            case PROVISION -> provisionedAt;
            case ENROLL -> enrolledAt;
            case RESTORE_DATA -> restoredAt;
            case START_APPS -> appsStartedAt;
            case MOVE_ROUTES -> routesMovedAt;
        };
    }

    /** Records when {@code phase} ended. */
    void end(ReplacementPhase phase, Instant at) {
        switch (phase) {
            case PROVISION -> provisionedAt = at;
            case ENROLL -> enrolledAt = at;
            case RESTORE_DATA -> restoredAt = at;
            case START_APPS -> appsStartedAt = at;
            case MOVE_ROUTES -> routesMovedAt = at;
        }
    }

    /** When {@code phase} began: when the one before it ended. */
    Instant startOf(ReplacementPhase of) {
        return of.ordinal() == 0 ? startedAt : endOf(ReplacementPhase.values()[of.ordinal() - 1]);
    }
}
