package io.homeport.provisioner.replacement;

import io.homeport.agent.protocol.HostVolume;
import io.homeport.events.failover.AppFailoverStarted;
import io.homeport.events.failover.AppFailoverStranded;
import io.homeport.events.failover.AppMoved;
import io.homeport.events.failover.HostEvacuationStarted;
import io.homeport.events.storage.VolumeReady;
import io.homeport.events.storage.VolumeRequested;
import io.homeport.events.tunnel.RouteExposed;
import io.homeport.events.tunnel.RouteRemoved;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import java.util.UUID;

/**
 * Follows the apps of a replaced host as the other services move them, from their events: the deployer's (which apps
 * move, which cannot, which run), the storage-manager's (their volumes granted on the new host, from which synced
 * copy) and the tunnel-manager's (their hostnames on the new host's tunnel). Events of different topics come in any
 * order, so each one makes the app's row when it is first to name it. Also keeps {@link ExposedRoute} current.
 */
@ApplicationScoped
public class ReplacementProgress {

    @Transactional(Transactional.TxType.MANDATORY)
    public void evacuationStarted(HostEvacuationStarted event) {
        replacing(event.hostId()).filter(replacement -> replacement.newHostId.equals(event.toHostId()))
                .ifPresent(replacement -> {
                    if (replacement.evacuationAt == null) {
                        replacement.evacuationAt = event.at();
                    }
                    event.moving().forEach(app -> row(replacement, app));
                    event.stranded().forEach(app -> strand(row(replacement, app), "it could not move"));
                });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void failoverStarted(AppFailoverStarted event) {
        replacing(event.fromHostId()).filter(replacement -> replacement.newHostId.equals(event.toHostId()))
                .ifPresent(replacement -> row(replacement, event.app()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void stranded(AppFailoverStranded event) {
        replacing(event.hostId()).ifPresent(replacement -> strand(row(replacement, event.app()), event.reason()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void moved(AppMoved event) {
        replacing(event.fromHostId()).filter(replacement -> replacement.newHostId.equals(event.toHostId()))
                .ifPresent(replacement -> {
                    ReplacementApp app = row(replacement, event.app());
                    app.state = ReplacementApp.MOVED;
                    app.startedAt = event.at();
                    servingIfDone(app, event.at());
                });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void volumeRequested(VolumeRequested event) {
        onNewHost(event.hostId()).ifPresent(replacement -> row(replacement, event.app()).volumesRequested++);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void volumeReady(VolumeReady event) {
        onNewHost(event.hostId()).ifPresent(replacement -> {
            ReplacementApp app = row(replacement, event.app());
            app.volumesReady++;
            app.dataReadyAt = later(app.dataReadyAt, event.at());
            boolean restored = HostVolume.LOCAL_SYNCED.equals(event.mode())
                    && replacement.hostId.equals(event.previousHostId());
            if (restored && event.previousSyncAt() == null) {
                app.problem = "volume " + event.volume() + " had no synced copy from the old host (no successful "
                        + "sync was reported): it started with what its remote holds, which may be nothing";
            } else if (restored && (app.dataRestoredFrom == null || event.previousSyncAt()
                    .isBefore(app.dataRestoredFrom))) {
                app.dataRestoredFrom = event.previousSyncAt();
            }
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void routeExposed(RouteExposed event) {
        String route = ExposedRoute.of(event.hostname(), event.path());
        ExposedRoute exposed = ExposedRoute.<ExposedRoute>findByIdOptional(route, LockModeType.PESSIMISTIC_WRITE)
                .orElseGet(ExposedRoute::new);
        exposed.app = event.app();
        exposed.hostId = event.hostId();
        exposed.at = event.at();
        if (exposed.route == null) {
            exposed.route = route;
            exposed.persist();
        }
        if (event.app() == null) {
            return;
        }
        onNewHost(event.hostId()).ifPresent(replacement -> {
            ReplacementApp app = ReplacementApp.of(replacement.id, event.app());
            if (app != null && !app.routesMoved.contains(route)) {
                app.routesMoved = new ArrayList<>(app.routesMoved);
                app.routesMoved.add(route);
                servingIfDone(app, event.at());
            }
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void routeRemoved(RouteRemoved event) {
        ExposedRoute.delete("route = ?1 and hostId = ?2", ExposedRoute.of(event.hostname(), event.path()),
                event.hostId());
    }

    /** The running replacement of {@code hostId} whose apps are moving (its new host is online), locked. */
    private static Optional<Replacement> replacing(UUID hostId) {
        return Replacement.<Replacement>find("hostId = ?1 and state = ?2 and enrolledAt is not null", hostId,
                ReplacementState.RUNNING).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The running replacement whose new host is {@code hostId} and takes apps now, locked. */
    private static Optional<Replacement> onNewHost(UUID hostId) {
        return Replacement.<Replacement>find("newHostId = ?1 and state = ?2 and enrolledAt is not null", hostId,
                ReplacementState.RUNNING).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The app's row, made (moving, expecting the routes it has on the old host) when this is the first to name it. */
    private static ReplacementApp row(Replacement replacement, String name) {
        ReplacementApp app = ReplacementApp.of(replacement.id, name);
        if (app == null) {
            app = new ReplacementApp();
            app.replacementId = replacement.id;
            app.app = name;
            app.state = ReplacementApp.MOVING;
            app.routesExpected = ExposedRoute.<ExposedRoute>list("hostId = ?1 and app = ?2", replacement.hostId,
                    name).stream().map(route -> route.route).sorted().toList();
            app.persist();
        }
        return app;
    }

    private static void strand(ReplacementApp app, String reason) {
        if (!ReplacementApp.MOVED.equals(app.state)) {
            app.state = ReplacementApp.STRANDED;
            if (app.problem == null || "it could not move".equals(app.problem)) {
                app.problem = reason;
            }
        }
    }

    private static void servingIfDone(ReplacementApp app, Instant at) {
        if (ReplacementApp.MOVED.equals(app.state) && app.routesMoved() && app.servingSince == null) {
            app.servingSince = later(app.startedAt, at);
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b != null && b.isAfter(a) ? b : a;
    }
}
