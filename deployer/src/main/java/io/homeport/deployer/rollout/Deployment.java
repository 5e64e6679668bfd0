package io.homeport.deployer.rollout;

import io.homeport.api.apps.DeploymentView;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The rollout of one revision of an app, from asked for to how it ended. A deployment of a stack that waits for
 * other apps of its stack is {@code QUEUED} (no start time, no deadline, nothing on any host) until they succeed.
 */
@Entity
@Table(name = "deployment")
public class Deployment extends PanacheEntityBase {

    public enum State { QUEUED, IN_PROGRESS, SUCCEEDED, FAILED, ROLLED_BACK }

    @Id
    public UUID id;

    public String app;

    public long revision;

    @Column(name = "previous_revision")
    public Long previousRevision;

    @Enumerated(EnumType.STRING)
    public State state;

    public String reason;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The stack deploy this deployment is part of; null for an app deployed on its own. */
    @Column(name = "stack_id")
    public UUID stackId;

    /** The apps of its stack deploy that must succeed before it starts; empty when it starts at once. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "waits_for")
    public List<String> waitsFor = List.of();

    /** The app's volumes the storage-manager has not reported ready yet; it starts only when none is left. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "waits_for_volumes")
    public List<String> waitsForVolumes = List.of();

    @Column(name = "started_at")
    public Instant startedAt;

    public Instant deadline;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public DeploymentView view() {
        return new DeploymentView(id, app, revision, previousRevision, state.name(), reason, startedAt, deadline,
                finishedAt, waitsFor, waitsForVolumes);
    }
}
