package io.homeport.deployer.failover;

import io.homeport.api.apps.AppSpec;
import io.homeport.api.apps.FailoverPolicy;
import io.homeport.api.hosts.EvacuationView;
import io.homeport.deployer.app.App;
import io.homeport.deployer.app.AppSpecJson;
import io.homeport.deployer.app.Apps;
import io.homeport.deployer.app.Replica;
import io.homeport.deployer.host.PlacementHost;
import io.homeport.deployer.placement.PlacementDecision;
import io.homeport.deployer.rollout.Deployment;
import io.homeport.events.EventTypes;
import io.homeport.events.deployment.DeploymentFailed;
import io.homeport.events.failover.AppFailoverStarted;
import io.homeport.events.failover.AppFailoverStranded;
import io.homeport.events.failover.HostEvacuationStarted;
import io.homeport.events.host.HostReplaced;
import io.homeport.events.host.HostLost;
import io.homeport.events.host.HostOnline;
import io.homeport.platform.outbox.Outbox;
import io.homeport.platform.problem.ProblemException;
import io.homeport.platform.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Moves apps off a host (brief §5): on {@code host.lost} the apps whose failover policy is {@code auto}, on an
 * evacuation every app. A move is a deployment of the app's current spec placed away from the host; its volumes are
 * requested for the new host ({@link io.homeport.deployer.volume.Volumes}: at once from a host that is offline, after
 * the holder's final sync from one that is online), and the old host's desired state loses the app. Each step is an
 * event, so an operator can follow a failover in the stream; {@link AppMoves} records each move.
 */
@ApplicationScoped
public class Failovers {

    private static final Logger LOG = Logger.getLogger(Failovers.class);

    private final Apps apps;
    private final AppSpecJson specs;
    private final AppMoves moves;
    private final Outbox outbox;

    Failovers(Apps apps, AppSpecJson specs, AppMoves moves, Outbox outbox) {
        this.apps = apps;
        this.specs = specs;
        this.moves = moves;
        this.outbox = outbox;
    }

    /**
     * The host is lost: nothing new goes there, and its {@code auto} apps move to other hosts; the others stay, each
     * with an {@code app.failover.stranded} saying why. Apps already moving off it are not moved again, so a second
     * {@code host.lost} moves nothing twice.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void hostLost(HostLost event) {
        PlacementHost host = PlacementHost.findById(event.hostId(), LockModeType.PESSIMISTIC_WRITE);
        if (host == null) {
            LOG.warnf("Host %s is lost but the deployer never knew it: nothing placed there to move", event.hostId());
            return;
        }
        if (host.lostAt == null) {
            host.lostAt = event.at();
        }
        // its agent may not have been seen to disconnect (a network cut): a lost host holds no volume handover up
        host.online = false;
        PlacementHost.flush();
        for (App app : appsOn(host.hostId)) {
            AppSpec spec = specs.revision(app.name, app.targetRevision);
            if (spec.failover() != FailoverPolicy.AUTO) {
                stranded(app.name, host.hostId, "its failover policy is " + spec.failover().name().toLowerCase()
                        + ": POST /api/v1/hosts/" + host.hostId + "/evacuate moves it", event.at());
                continue;
            }
            move(app, spec, host.hostId, null, AppMove.HOST_LOST, event.at());
        }
    }

    /** The host is back: it may take apps again (unless drained). Nothing moved off it comes back. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void hostOnline(HostOnline event) {
        PlacementHost.<PlacementHost>findByIdOptional(event.hostId()).ifPresent(host -> {
            if (host.lostAt != null) {
                LOG.infof("Host %s is online again after being lost since %s; the apps moved off it stay where they "
                        + "are", host.hostId, host.lostAt);
            }
            host.lostAt = null;
        });
    }

    /**
     * Drains the host and moves every app placed there, whatever its policy, to other hosts (only to {@code to} when
     * given).
     */
    @Transactional
    public EvacuationView evacuate(UUID hostId, UUID to) {
        PlacementHost host = PlacementHost.findById(hostId, LockModeType.PESSIMISTIC_WRITE);
        if (host == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "The deployer knows no host " + hostId);
        }
        if (to != null) {
            refuseTarget(hostId, to);
        }
        return evacuate(host, to, AppMove.EVACUATED);
    }

    /**
     * The host was replaced by a freshly provisioned one: nothing is placed on it again, it counts as offline (its
     * agent is refused from now on, so its volumes are handed over without waiting for it), and every app placed
     * there moves to the new host, whatever its policy: at once when the new host's agent is connected, else when
     * it connects ({@link #replacementConnected}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void hostReplaced(HostReplaced event) {
        PlacementHost host = PlacementHost.findById(event.hostId(), LockModeType.PESSIMISTIC_WRITE);
        if (host == null) {
            LOG.infof("Host %s was replaced but the deployer never knew it: nothing placed there to move",
                    event.hostId());
            return;
        }
        host.replacedBy = event.replacedBy();
        host.online = false;
        if (host.drainedAt == null) {
            host.drainedAt = event.at();
        }
        PlacementHost.flush();
        moveToReplacement(host);
    }

    /** The agent of {@code hostId} connected: if it replaced a host whose apps wait for it, they move now. */
    @Transactional
    public void replacementConnected(UUID hostId) {
        PlacementHost.<PlacementHost>list("replacedBy = ?1 and replacementMovedAt is null", hostId)
                .forEach(replaced -> moveToReplacement(PlacementHost.findById(replaced.hostId,
                        LockModeType.PESSIMISTIC_WRITE)));
    }

    private void moveToReplacement(PlacementHost replaced) {
        PlacementHost target = PlacementHost.findById(replaced.replacedBy);
        if (replaced.replacementMovedAt != null || target == null || !target.online) {
            return;
        }
        replaced.replacementMovedAt = Instant.now();
        evacuate(replaced, target.hostId, AppMove.REPLACED);
    }

    /**
     * Drains the host and moves its apps ({@code to} only there). Apps pinned to the host (such as its tunnel
     * connector) stay with it when it was replaced: they belong to the old machine.
     */
    private EvacuationView evacuate(PlacementHost host, UUID to, String reason) {
        UUID hostId = host.hostId;
        Instant now = Instant.now();
        host.drainedAt = now;
        PlacementHost.flush();
        List<EvacuationView.Moving> moving = new ArrayList<>();
        List<EvacuationView.Stranded> stranded = new ArrayList<>();
        for (App app : appsOn(hostId)) {
            AppSpec spec = specs.revision(app.name, app.targetRevision);
            if (AppMove.REPLACED.equals(reason) && spec.placement() != null
                    && hostId.equals(spec.placement().hostId())) {
                continue;
            }
            Outcome outcome = move(app, spec, hostId, to, reason, now);
            if (outcome.moving() != null) {
                moving.add(outcome.moving());
            } else {
                stranded.add(new EvacuationView.Stranded(app.name, outcome.stranded()));
            }
        }
        outbox.emit(EventTypes.HOST_EVACUATION_STARTED, hostId.toString(), new HostEvacuationStarted(hostId, to,
                moving.stream().map(EvacuationView.Moving::app).toList(),
                stranded.stream().map(EvacuationView.Stranded::app).toList(), now));
        if (!moves.evacuating(hostId)) {
            moves.completed(hostId, now);
        }
        LOG.infof("Host %s evacuated: %d app(s) moving, %d stranded; it is drained", hostId, moving.size(),
                stranded.size());
        return new EvacuationView(hostId, to, true, moving, stranded);
    }

    /** Apps may be placed on the host again. */
    @Transactional
    public void undrain(UUID hostId) {
        PlacementHost host = PlacementHost.findById(hostId, LockModeType.PESSIMISTIC_WRITE);
        if (host == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "The deployer knows no host " + hostId);
        }
        host.drainedAt = null;
    }

    private static void refuseTarget(UUID hostId, UUID to) {
        if (to.equals(hostId)) {
            throw new ProblemException(ProblemType.CONFLICT, "cannot evacuate host " + hostId + " to itself");
        }
        PlacementHost target = PlacementHost.findById(to);
        if (target == null) {
            throw new ProblemException(ProblemType.CONFLICT, "cannot evacuate to host " + to
                    + ": the deployer knows no such host");
        }
        if (target.unavailable() != null) {
            throw new ProblemException(ProblemType.CONFLICT, "cannot evacuate to host " + target.name + ": it is "
                    + target.unavailable());
        }
        if (!target.online) {
            throw new ProblemException(ProblemType.CONFLICT, "cannot evacuate to host " + target.name
                    + ": its agent is not connected");
        }
    }

    private record Outcome(EvacuationView.Moving moving, String stranded) {
    }

    /**
     * Moves one app off {@code from}: a deployment of its spec, placed away from it, whose volumes are requested for
     * the new host; the deployment starts at once when the app has no volume to wait for.
     */
    private Outcome move(App app, AppSpec spec, UUID from, UUID to, String reason, Instant at) {
        if (moves.moving(app.name, from)) {
            LOG.infof("App %s is already moving off host %s: not moved again", app.name, from);
            AppMove under = AppMove.find("app = ?1 and fromHostId = ?2 and movedAt is null", app.name, from)
                    .firstResult();
            return new Outcome(new EvacuationView.Moving(app.name, under.toHostId, under.deploymentId), null);
        }
        Deployment active = Deployment.find("app = ?1 and state in ?2", app.name,
                List.of(Deployment.State.QUEUED, Deployment.State.IN_PROGRESS)).firstResult();
        if (active != null && active.state == Deployment.State.QUEUED) {
            // its start places it anew, away from a host that is drained or lost
            return stranded(app.name, from, "revision " + active.revision + " of it is queued (deployment "
                    + active.id + "); it is placed away from this host when it starts", at);
        }
        PlacementDecision decision = apps.placeAway(app.name, spec, from, to);
        if (!decision.placed()) {
            return stranded(app.name, from, "no other host can take it: " + decision.refusals().entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; ")), at);
        }
        if (active != null) {
            supersede(active, from, at);
        }
        App locked = App.findById(app.name, LockModeType.PESSIMISTIC_WRITE);
        Deployment deployment = apps.queue(locked, spec);
        UUID target = newHost(app.name, from, decision);
        outbox.emit(EventTypes.APP_FAILOVER_STARTED, app.name, new AppFailoverStarted(app.name, from, target, reason,
                deployment.id, at));
        apps.requestVolumes(deployment, spec, decision);
        boolean atOnce = deployment.waitsForVolumes.isEmpty();
        if (atOnce) {
            apps.start(deployment, decision);
        }
        // recorded after an immediate start, so that only a start that waited for leases completes a move later
        moves.record(deployment.id, app.name, from, target, reason, at, atOnce);
        LOG.infof("App %s moves off host %s to %s (%s), deployment %s%s", app.name, from, target, reason,
                deployment.id, deployment.waitsForVolumes.isEmpty() ? "" : ", once it holds the leases of "
                        + deployment.waitsForVolumes);
        return new Outcome(new EvacuationView.Moving(app.name, target, deployment.id), null);
    }

    /** A rollout under way on the host would never pass its gate there: it ends, and the move takes over. */
    private void supersede(Deployment active, UUID from, Instant at) {
        active.state = Deployment.State.FAILED;
        active.reason = "superseded: the app moves off host " + from;
        active.finishedAt = at;
        outbox.emit(EventTypes.DEPLOYMENT_FAILED, active.app, new DeploymentFailed(active.id, active.app,
                active.revision, active.reason, at));
        // one active deployment per app (a unique index): written before the move's deployment is inserted
        Deployment.flush();
    }

    private Outcome stranded(String app, UUID host, String reason, Instant at) {
        LOG.warnf("App %s stays on host %s: %s", app, host, reason);
        outbox.emit(EventTypes.APP_FAILOVER_STRANDED, app, new AppFailoverStranded(app, host, reason, at));
        return new Outcome(null, reason);
    }

    /** The host that takes the first replica the app had on {@code from} (all of them, for an app with volumes). */
    private static UUID newHost(String app, UUID from, PlacementDecision decision) {
        if (decision.volumeHost() != null) {
            return decision.volumeHost();
        }
        List<Replica> replicas = Replica.list("app", app);
        int first = replicas.stream().filter(replica -> replica.hostId.equals(from))
                .mapToInt(replica -> replica.replica).min().orElse(0);
        return decision.hosts().get(Math.min(first, decision.hosts().size() - 1));
    }

    /** The apps with a replica on the host, by name, each once. */
    private static List<App> appsOn(UUID host) {
        return Replica.<Replica>list("hostId", host).stream().map(replica -> replica.app).distinct().sorted()
                .map(name -> App.<App>findById(name)).filter(app -> app != null && app.targetRevision > 0)
                .toList();
    }
}
