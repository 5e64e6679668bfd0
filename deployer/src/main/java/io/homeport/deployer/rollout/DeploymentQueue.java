package io.homeport.deployer.rollout;

import io.homeport.api.apps.AppSpec;
import io.homeport.deployer.app.AppSpecJson;
import io.homeport.deployer.app.Apps;
import io.homeport.deployer.placement.PlacementDecision;
import io.homeport.deployer.stack.StackGate;
import io.homeport.events.EventTypes;
import io.homeport.events.deployment.DeploymentFailed;
import io.homeport.platform.outbox.Outbox;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Starts {@code QUEUED} deployments once nothing holds them back, in the transaction that removed the last hold: the
 * apps of its stack it waits for ({@link Deployment#waitsFor}) must all have succeeded, and the volumes it waits for
 * ({@link Deployment#waitsForVolumes}) must all be leased to the host it goes to. A failure (or rollback) in a stack ends everything queued
 * behind it, transitively, as {@code FAILED} without it ever reaching a host.
 *
 * <p>The queued rows are locked first: two holds of one app released in concurrent transactions are judged one
 * after the other, so the second sees the first's release and the app starts exactly once.
 */
@ApplicationScoped
public class DeploymentQueue {

    private static final Logger LOG = Logger.getLogger(DeploymentQueue.class);

    private final Apps apps;
    private final AppSpecJson specs;
    private final Outbox outbox;

    DeploymentQueue(Apps apps, AppSpecJson specs, Outbox outbox) {
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
        Set<String> succeeded = succeededIn(done.stackId);
        for (String app : StackGate.ready(waits(queued), succeeded)) {
            Deployment deployment = queued.get(app);
            if (deployment.waitsForVolumes.isEmpty()) {
                start(deployment);
            }
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

    /**
     * The storage-manager granted {@code volume} of {@code app} to the host it was requested for: deployments waiting
     * only for it start.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void volumeReady(String app, String volume) {
        List<Deployment> waiting = Deployment.<Deployment>find("app = ?1 and state = ?2", Sort.by("id"), app,
                Deployment.State.QUEUED).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        for (Deployment deployment : waiting) {
            if (!deployment.waitsForVolumes.contains(volume)) {
                continue;
            }
            List<String> left = new ArrayList<>(deployment.waitsForVolumes);
            left.remove(volume);
            deployment.waitsForVolumes = left;
            if (left.isEmpty() && (deployment.waitsFor.isEmpty()
                    || succeededIn(deployment.stackId).containsAll(deployment.waitsFor))) {
                start(deployment);
            }
        }
    }

    /**
     * Placement is decided again now: what the hosts hold has changed since the deployment was accepted. When it picks
     * a host that does not hold the app's volumes' leases yet, they are requested for it and the deployment waits on.
     */
    private void start(Deployment deployment) {
        AppSpec spec = specs.revision(deployment.app, deployment.revision);
        PlacementDecision decision = apps.place(deployment.app, spec);
        if (!decision.placed()) {
            notStarted(deployment, "no host can run every replica " + decision.refusals());
            failed(deployment);
            return;
        }
        apps.requestVolumes(deployment, spec, decision);
        if (!deployment.waitsForVolumes.isEmpty()) {
            LOG.infof("Deployment of %s revision %d goes to host %s now: it waits for volumes %s to be leased there",
                    deployment.app, deployment.revision, decision.volumeHost(), deployment.waitsForVolumes);
            return;
        }
        apps.start(deployment, decision);
        LOG.infof("Deployment of %s revision %d started: the apps it waited for succeeded %s, its volumes are ready",
                deployment.app, deployment.revision, deployment.waitsFor);
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

    /** The apps of a stack deploy whose deployment succeeded, as committed (a scalar query, never a stale entity). */
    private static Set<String> succeededIn(UUID stackId) {
        return new HashSet<>(Deployment.getEntityManager().createQuery(
                "select d.app from Deployment d where d.stackId = ?1 and d.state = ?2", String.class)
                .setParameter(1, stackId).setParameter(2, Deployment.State.SUCCEEDED).getResultList());
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
