package io.homeport.deployer.failover;

import io.homeport.api.apps.AppView;
import io.homeport.api.hosts.HostMoveView;
import io.homeport.deployer.host.PlacementHost;
import io.homeport.deployer.rollout.Deployment;
import io.homeport.events.EventTypes;
import io.homeport.events.failover.AppMoved;
import io.homeport.events.failover.HostEvacuationCompleted;
import io.homeport.platform.outbox.Outbox;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The moves of apps off hosts: a move is recorded when it is decided ({@link Failovers}) and is done when its
 * deployment starts, i.e. when its replicas belong to the new host ({@link #arrived}, called by the deployment's
 * start, which may wait for the new host's volume leases).
 */
@ApplicationScoped
public class AppMoves {

    private static final int HOST_MOVES = 100;

    private final Outbox outbox;

    AppMoves(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * The deployment started: if it carries a move, the app has moved ({@code app.moved}); the last app of an
     * evacuation to arrive completes it ({@code host.evacuation.completed}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void arrived(Deployment deployment) {
        AppMove move = AppMove.findById(deployment.id);
        if (move == null || move.movedAt != null) {
            return;
        }
        moved(move, Instant.now());
        if (AppMove.EVACUATED.equals(move.reason)) {
            AppMove.flush();
            if (!evacuating(move.fromHostId)) {
                completed(move.fromHostId, move.movedAt);
            }
        }
    }

    /**
     * Records a move just decided; {@code arrived} when its deployment already started (no volume lease to wait
     * for), so it is done at once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID deployment, String app, UUID from, UUID to, String reason, Instant at, boolean arrived) {
        AppMove move = new AppMove();
        move.deploymentId = deployment;
        move.app = app;
        move.fromHostId = from;
        move.toHostId = to;
        move.reason = reason;
        move.startedAt = at;
        move.persist();
        if (arrived) {
            moved(move, Instant.now());
        }
    }

    /** Whether an evacuation of the host still has apps on their way. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean evacuating(UUID host) {
        return AppMove.count("fromHostId = ?1 and reason = ?2 and movedAt is null", host, AppMove.EVACUATED) > 0;
    }

    private void moved(AppMove move, Instant at) {
        move.movedAt = at;
        outbox.emit(EventTypes.APP_MOVED, move.app, new AppMoved(move.app, move.fromHostId, move.toHostId,
                move.reason, move.deploymentId, at));
    }

    /** Announces an evacuation finished: every app it moved (since the host was last drained) has arrived. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void completed(UUID host, Instant at) {
        PlacementHost drained = PlacementHost.findById(host);
        Instant since = drained == null || drained.drainedAt == null ? Instant.EPOCH : drained.drainedAt;
        List<String> moved = AppMove.<AppMove>list("fromHostId = ?1 and reason = ?2 and startedAt >= ?3",
                Sort.by("app"), host, AppMove.EVACUATED, since).stream().map(m -> m.app).distinct().toList();
        outbox.emit(EventTypes.HOST_EVACUATION_COMPLETED, host.toString(),
                new HostEvacuationCompleted(host, moved, at));
    }

    /** Whether a move of {@code app} off {@code host} is under way (decided, its replicas not arrived yet). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean moving(String app, UUID host) {
        return AppMove.count("app = ?1 and fromHostId = ?2 and movedAt is null", app, host) > 0;
    }

    /** The app's latest move for its view, or null if it never moved. */
    public AppView.Move last(String app) {
        return AppMove.<AppMove>find("app", Sort.descending("startedAt"), app).firstResultOptional()
                .map(move -> new AppView.Move(move.fromHostId, move.toHostId, at(move), move.reason, state(move),
                        move.deploymentId))
                .orElse(null);
    }

    /** The latest moves off or onto the host, newest first, for its view. */
    public List<HostMoveView> ofHost(UUID host) {
        return AppMove.<AppMove>find("fromHostId = ?1 or toHostId = ?1", Sort.descending("startedAt"), host)
                .page(0, HOST_MOVES).list().stream()
                .map(move -> new HostMoveView(move.app, move.fromHostId, move.toHostId, at(move), move.reason,
                        state(move), move.deploymentId))
                .toList();
    }

    private static Instant at(AppMove move) {
        return move.movedAt == null ? move.startedAt : move.movedAt;
    }

    private static String state(AppMove move) {
        return move.movedAt == null ? "moving" : "moved";
    }
}
