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
import java.util.UUID;

/** The rollout of one revision of an app, from started to how it ended. */
@Entity
@Table(name = "deployment")
public class Deployment extends PanacheEntityBase {

    public enum State { IN_PROGRESS, SUCCEEDED, FAILED, ROLLED_BACK }

    @Id
    public UUID id;

    public String app;

    public long revision;

    @Column(name = "previous_revision")
    public Long previousRevision;

    @Enumerated(EnumType.STRING)
    public State state;

    public String reason;

    @Column(name = "started_at")
    public Instant startedAt;

    public Instant deadline;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public DeploymentView view() {
        return new DeploymentView(id, app, revision, previousRevision, state.name(), reason, startedAt, deadline,
                finishedAt);
    }
}
