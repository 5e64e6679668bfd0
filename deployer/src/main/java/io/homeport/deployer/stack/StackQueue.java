package io.homeport.deployer.stack;

import io.homeport.api.apps.AppSpec;
import io.homeport.deployer.app.AppSpecJson;
import io.homeport.deployer.app.Apps;
import io.homeport.deployer.placement.PlacementDecision;
import io.homeport.deployer.rollout.Deployment;
import io.homeport.events.EventTypes;
import io.homeport.events.deployment.DeploymentFailed;
import io.homeport.platform.outbox.Outbox;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Moves a stack deploy's queue along when one of its deployments ends, in the transaction that ends it: a success
 * starts every queued app whose dependencies have all succeeded now; a failure (or rollback) ends everything queued
 * behind it, transitively, as {@code FAILED} without it ever reaching a host.
 *
 * <p>The queued rows are locked first: two dependencies of one app that succeed in concurrent transactions are
 * judged one after the other, so the second sees the first's success and the app starts exactly once.
 */
@ApplicationScoped
public class StackQueue {

    private static final Logger LOG = Logger.getLogger(StackQueue.class);

    private final Apps apps;
    private final AppSpecJson specs;
    private final Outbox outbox;

    StackQueue(Apps apps, AppSpecJson specs, Outbox outbox) {
        this.apps = apps;
        this.specs = specs;
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void succeeded(Deployment done) {
        if (done.stackId == null) {
            return;
        }
        Map<String, Deployment> queued = queued(done);
        // a scalar query reads the committed states, never a stale entity of this transaction's session
        List<String> succeeded = Deployment.getEntityManager().createQuery(
                "select d.app from Deployment d where d.stackId = ?1 and d.state = ?2", String.class)
                .setParameter(1, done.stackId).setParameter(2, Deployment.State.SUCCEEDED).getResultList();
        for (String app : StackGate.ready(waits(queued), new HashSet<>(succeeded))) {
            start(queued.get(app));
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void failed(Deployment failed) {
        if (failed.stackId == null) {
            return;
        }
        Map<String, Deployment> queued = queued(failed);
        StackGate.blocked(failed.app, waits(queued)).forEach((app, cause) ->
                notStarted(queued.get(app), cause + " failed"));
    }

    /** Placement is decided again now: what the hosts hold has changed since the stack was accepted. */
    private void start(Deployment deployment) {
        AppSpec spec = specs.revision(deployment.app, deployment.revision);
        PlacementDecision decision = apps.place(deployment.app, spec);
        if (!decision.placed()) {
            notStarted(deployment, "no host can run every replica " + decision.refusals());
            failed(deployment);
            return;
        }
        apps.start(deployment, decision);
        LOG.infof("Deployment of %s revision %d started: every app it waited for succeeded %s", deployment.app,
                deployment.revision, deployment.waitsFor);
    }

    private void notStarted(Deployment deployment, String why) {
        Instant now = Instant.now();
        deployment.state = Deployment.State.FAILED;
        deployment.reason = "not started: " + why;
        deployment.finishedAt = now;
        outbox.emit(EventTypes.DEPLOYMENT_FAILED, deployment.app, new DeploymentFailed(deployment.id, deployment.app,
                deployment.revision, deployment.reason, now));
        LOG.warnf("Deployment of %s revision %d %s", deployment.app, deployment.revision, deployment.reason);
    }

    /** The stack deploy's queued deployments by app, locked, in a fixed order (no deadlock between two). */
    private static Map<String, Deployment> queued(Deployment of) {
        return Deployment.<Deployment>find("stackId = ?1 and state = ?2", Sort.by("id"), of.stackId,
                Deployment.State.QUEUED).withLock(LockModeType.PESSIMISTIC_WRITE).list().stream()
                .collect(Collectors.toMap(d -> d.app, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    private static Map<String, List<String>> waits(Map<String, Deployment> queued) {
        Map<String, List<String>> waits = new LinkedHashMap<>();
        queued.forEach((app, deployment) -> waits.put(app, deployment.waitsFor));
        return waits;
    }
}
