package io.homeport.deployer.rollout;

import io.homeport.agent.protocol.ContainerSpec;
import io.homeport.api.apps.AppSpec;
import io.homeport.deployer.app.App;
import io.homeport.deployer.app.AppSpecJson;
import io.homeport.deployer.app.DesiredStatePublisher;
import io.homeport.deployer.app.Replica;
import io.homeport.deployer.config.DeployerConfig;
import io.homeport.deployer.report.ContainerState;
import io.homeport.events.EventTypes;
import io.homeport.events.deployment.DeploymentFailed;
import io.homeport.events.deployment.DeploymentRolledBack;
import io.homeport.events.deployment.DeploymentSucceeded;
import io.homeport.platform.outbox.Outbox;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Moves rollouts to their end: after every agent report about an app and once a second (for the running gate and
 * deadlines) it judges the app's deployment in progress with {@link RolloutGate}. Passed: the revision becomes the
 * app's good one. Failed or past its deadline: the app's hosts get its last good revision back (rolled back), or,
 * without one, the deployment just fails. Either way, a deployment of a stack moves its {@link DeploymentQueue} along.
 */
@ApplicationScoped
public class Rollouts {

    private static final Logger LOG = Logger.getLogger(Rollouts.class);

    private final Outbox outbox;
    private final AppSpecJson specs;
    private final DesiredStatePublisher desired;
    private final DeployerConfig config;
    private final DeploymentQueue stacks;

    Rollouts(Outbox outbox, AppSpecJson specs, DesiredStatePublisher desired, DeployerConfig config,
            DeploymentQueue stacks) {
        this.outbox = outbox;
        this.specs = specs;
        this.desired = desired;
        this.config = config;
        this.stacks = stacks;
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        Deployment.<Deployment>list("state", Deployment.State.IN_PROGRESS).stream().map(d -> d.app).distinct()
                .forEach(this::evaluate);
    }

    @Transactional
    public void evaluate(String app) {
        Deployment deployment = Deployment.<Deployment>find("app = ?1 and state = ?2", app,
                Deployment.State.IN_PROGRESS).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (deployment == null) {
            return;
        }
        AppSpec spec = specs.revision(app, deployment.revision);
        List<RolloutGate.Observed> observed = Replica.<Replica>list("app", app).stream()
                .map(replica -> observe(replica, deployment.revision)).toList();
        Instant now = Instant.now();
        RolloutGate.Verdict verdict = RolloutGate.judge(deployment.revision,
                spec.healthCheck() != null && spec.healthCheck().test() != null, observed, now, config.runningGate());
        if (verdict instanceof RolloutGate.Verdict.Passed) {
            succeed(deployment, now);
        } else if (verdict instanceof RolloutGate.Verdict.Failed failed) {
            fail(deployment, failed.reason(), now);
        } else if (now.isAfter(deployment.deadline)) {
            fail(deployment, "timed out after " + config.rolloutTimeout().toSeconds() + " s waiting for "
                    + ((RolloutGate.Verdict.Pending) verdict).waitingFor(), now);
        }
    }

    /**
     * The replica's container, or, while a start-first successor of the deployed revision runs beside a container of
     * an older one, the successor.
     */
    private static RolloutGate.Observed observe(Replica replica, long revision) {
        ContainerState state = ContainerState.findById(new ContainerState.Key(replica.hostId, replica.container()));
        boolean successor = false;
        if (state == null || !Long.valueOf(revision).equals(state.revision)) {
            ContainerState next = ContainerState.findById(new ContainerState.Key(replica.hostId,
                    ContainerSpec.successorName(replica.container())));
            if (next != null && Long.valueOf(revision).equals(next.revision)) {
                state = next;
                successor = true;
            }
        }
        return state == null ? new RolloutGate.Observed(replica.replica, replica.hostId, null, null, null, null, false)
                : new RolloutGate.Observed(replica.replica, replica.hostId, state.revision, state.state,
                        state.health, state.runningSince, successor);
    }

    private void succeed(Deployment deployment, Instant now) {
        deployment.state = Deployment.State.SUCCEEDED;
        deployment.finishedAt = now;
        App.<App>findById(deployment.app).goodRevision = deployment.revision;
        outbox.emit(EventTypes.DEPLOYMENT_SUCCEEDED, deployment.app,
                new DeploymentSucceeded(deployment.id, deployment.app, deployment.revision, now));
        stacks.succeeded(deployment);
        LOG.infof("Deployment of %s revision %d succeeded", deployment.app, deployment.revision);
    }

    private void fail(Deployment deployment, String reason, Instant now) {
        deployment.reason = reason;
        deployment.finishedAt = now;
        outbox.emit(EventTypes.DEPLOYMENT_FAILED, deployment.app,
                new DeploymentFailed(deployment.id, deployment.app, deployment.revision, reason, now));
        stacks.failed(deployment);
        App app = App.findById(deployment.app);
        if (app.goodRevision == null || app.goodRevision == deployment.revision) {
            deployment.state = Deployment.State.FAILED;
            LOG.warnf("Deployment of %s revision %d failed, with no good revision to go back to: %s", app.name,
                    deployment.revision, reason);
            return;
        }
        deployment.state = Deployment.State.ROLLED_BACK;
        app.targetRevision = app.goodRevision;
        desired.publish(Replica.<Replica>list("app", app.name).stream().map(replica -> replica.hostId).toList());
        outbox.emit(EventTypes.DEPLOYMENT_ROLLED_BACK, app.name, new DeploymentRolledBack(deployment.id, app.name,
                deployment.revision, app.goodRevision, reason, now));
        LOG.warnf("Deployment of %s revision %d failed (%s): rolled back to revision %d", app.name,
                deployment.revision, reason, app.goodRevision);
    }
}
