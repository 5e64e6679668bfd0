package io.homeport.tunnel.route;

import io.homeport.agent.protocol.ContainerState;
import io.homeport.events.EventTypes;
import io.homeport.events.agent.AgentReported;
import io.homeport.events.tunnel.ExposureRejected;
import io.homeport.events.tunnel.RouteRemovalScheduled;
import io.homeport.events.tunnel.RouteRemoved;
import io.homeport.platform.outbox.Outbox;
import io.homeport.tunnel.config.TunnelConfig;
import io.homeport.tunnel.ingress.DesiredRule;
import io.homeport.tunnel.label.ExposureLabels;
import io.homeport.tunnel.label.LabelPrefixes;
import io.homeport.tunnel.label.ParsedExposure;
import io.homeport.tunnel.label.Route;
import io.homeport.tunnel.reconcile.ReconcileQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Turns what the agents report into routes: a running container's exposure labels become {@link ExposedRoute}s
 * (ACTIVE); a container that stopped, or that a full report no longer shows, puts its routes in their grace period
 * ({@link ExposedRoute.State#GRACE}), and a restart within it makes them ACTIVE again. Invalid labels are rejected
 * as a whole ({@code exposure.rejected}, once per set of labels) and change nothing. Every change asks for the
 * tunnels concerned to be reconciled ({@link ReconcileQueue}); a container reported as before costs one read.
 */
@ApplicationScoped
public class Exposures {

    private static final Logger LOG = Logger.getLogger(Exposures.class);

    private final Outbox outbox;
    private final ReconcileQueue queue;
    private final LabelPrefixes prefixes;
    private final Duration grace;

    Exposures(Outbox outbox, ReconcileQueue queue, TunnelConfig config) {
        this.outbox = outbox;
        this.queue = queue;
        this.prefixes = LabelPrefixes.configured(config.labelPrefix());
        this.grace = config.gracePeriod();
    }

    @Transactional
    public void apply(AgentReported report) {
        UUID host = report.hostId();
        Instant now = Instant.now();
        Set<UUID> due = new LinkedHashSet<>();
        Map<String, ContainerExposure> known = new HashMap<>();
        ContainerExposure.<ContainerExposure>list("hostId", host).forEach(e -> known.put(e.container, e));
        Set<String> reported = new LinkedHashSet<>();
        for (ContainerState container : report.containers()) {
            reported.add(container.name());
            ContainerExposure exposure = known.get(container.name());
            if (container.labels().isEmpty() && exposure == null) {
                continue;
            }
            boolean running = "running".equals(container.state());
            if ("removed".equals(container.state())) {
                gone(host, container.name(), exposure, now, due);
                continue;
            }
            String hash = hash(container.labels());
            if (exposure != null && exposure.labelsHash.equals(hash) && exposure.running == running) {
                continue;
            }
            ParsedExposure parsed = ExposureLabels.parse(container.labels(), prefixes);
            boolean labelsChanged = exposure == null || !exposure.labelsHash.equals(hash);
            boolean fresh = exposure == null;
            if (fresh) {
                exposure = new ContainerExposure();
                exposure.hostId = host;
                exposure.container = container.name();
                known.put(container.name(), exposure);
            }
            exposure.app = container.app();
            exposure.labelsHash = hash;
            exposure.running = running;
            exposure.seenAt = now;
            exposure.rejected = !parsed.problems().isEmpty();
            if (fresh) {
                exposure.persist();
            }
            if (exposure.rejected) {
                if (labelsChanged) {
                    reject(host, container, parsed, now);
                }
                continue; // what was served before stays as it was: never half of a new set of routes
            }
            routes(host, container.name(), container.app(), parsed.routes(), running, now, due);
        }
        if (report.full()) {
            for (ContainerExposure exposure : List.copyOf(known.values())) {
                if (!reported.contains(exposure.container)) {
                    gone(host, exposure.container, exposure, now, due);
                }
            }
        }
        queue.due(due);
    }

    /** Removes the routes whose grace period is over; their tunnels are reconciled. */
    @Transactional
    public int expire(Instant now) {
        List<ExposedRoute> expired = ExposedRoute.list("state = ?1 and removeAt <= ?2", ExposedRoute.State.GRACE,
                now);
        Set<UUID> due = new LinkedHashSet<>();
        for (ExposedRoute route : expired) {
            due.addAll(hostsOf(route.hostname));
            route.delete();
            outbox.emit(EventTypes.ROUTE_REMOVED, route.hostname, new RouteRemoved(route.hostname, route.path,
                    route.hostId, "the grace period after " + route.container + " stopped is over", now));
        }
        queue.due(due);
        return expired.size();
    }

    private void routes(UUID host, String container, String app, List<Route> wanted, boolean running, Instant now,
            Set<UUID> due) {
        Map<ExposedRoute.Key, Route> byKey = new TreeMap<>(Comparator.comparing(ExposedRoute.Key::hostname)
                .thenComparing(ExposedRoute.Key::path));
        wanted.forEach(route -> byKey.put(new ExposedRoute.Key(host, container, route.hostname(),
                DesiredRule.from(route).key().path()), route));
        for (ExposedRoute existing : ExposedRoute.<ExposedRoute>list("hostId = ?1 and container = ?2", host,
                container)) {
            if (!byKey.containsKey(new ExposedRoute.Key(host, container, existing.hostname, existing.path))) {
                due.addAll(hostsOf(existing.hostname));
                existing.delete();
                outbox.emit(EventTypes.ROUTE_REMOVED, existing.hostname, new RouteRemoved(existing.hostname,
                        existing.path, host, container + " no longer asks for it", now));
            }
        }
        byKey.forEach((key, route) -> {
            ExposedRoute row = ExposedRoute.findById(key);
            DesiredRule rule = DesiredRule.from(route);
            boolean fresh = row == null;
            if (fresh) {
                if (!running) {
                    return; // a container that never ran here asks for nothing yet
                }
                row = new ExposedRoute();
                row.hostId = host;
                row.container = container;
                row.hostname = key.hostname();
                row.path = key.path();
                row.state = ExposedRoute.State.GRACE; // made ACTIVE below
            }
            boolean changed = !rule.service().equals(row.service) || !Objects.equals(rule.originRequest(),
                    row.originRequest) || !Objects.equals(route.access(), row.access);
            row.service = rule.service();
            row.originRequest = rule.originRequest();
            row.access = route.access();
            row.zoneName = route.zoneName();
            row.app = app;
            if (running && row.state != ExposedRoute.State.ACTIVE) {
                activate(row, now, due);
                changed = true;
            } else if (!running && row.state == ExposedRoute.State.ACTIVE) {
                graceFor(row, now);
            }
            if (fresh) {
                row.persist();
            }
            if (changed) {
                due.addAll(hostsOf(row.hostname));
            }
        });
    }

    /** The container went away (a full report no longer shows it, or Docker removed it): its routes' grace begins. */
    private void gone(UUID host, String container, ContainerExposure exposure, Instant now, Set<UUID> due) {
        if (exposure != null) {
            exposure.delete();
        }
        ExposedRoute.<ExposedRoute>list("hostId = ?1 and container = ?2 and state = ?3", host, container,
                ExposedRoute.State.ACTIVE).forEach(route -> graceFor(route, now));
    }

    private void activate(ExposedRoute row, Instant now, Set<UUID> due) {
        row.state = ExposedRoute.State.ACTIVE;
        row.removeAt = null;
        row.activeSince = now;
        row.exposedAt = null; // emitted again once its tunnel serves it
        ExposedRoute.<ExposedRoute>list("hostname = ?1 and path = ?2 and hostId <> ?3", row.hostname, row.path,
                row.hostId).stream().max(Comparator.comparing(r -> r.activeSince))
                .ifPresent(other -> row.previousHostId = other.hostId);
        // a route of the same name in its grace period on another host: the app moved, it has nothing left to serve
        for (ExposedRoute other : ExposedRoute.<ExposedRoute>list("hostname = ?1 and path = ?2 and hostId <> ?3 "
                + "and state = ?4", row.hostname, row.path, row.hostId, ExposedRoute.State.GRACE)) {
            due.add(other.hostId);
            other.delete();
            outbox.emit(EventTypes.ROUTE_REMOVED, other.hostname, new RouteRemoved(other.hostname, other.path,
                    other.hostId, "moved to host " + row.hostId, now));
        }
        LOG.debugf("Route %s%s of %s on host %s is active", row.hostname, row.path, row.container, row.hostId);
    }

    private void graceFor(ExposedRoute row, Instant now) {
        row.state = ExposedRoute.State.GRACE;
        row.removeAt = now.plus(grace);
        outbox.emit(EventTypes.ROUTE_REMOVAL_SCHEDULED, row.hostname, new RouteRemovalScheduled(row.hostname,
                row.path, row.hostId, row.container, row.removeAt, now));
    }

    private void reject(UUID host, ContainerState container, ParsedExposure parsed, Instant now) {
        List<ExposureRejected.Problem> problems = parsed.problems().stream()
                .map(p -> new ExposureRejected.Problem(p.label(), p.message())).toList();
        LOG.infof("Exposure labels of %s on host %s rejected: %s", container.name(), host, problems);
        outbox.emit(EventTypes.EXPOSURE_REJECTED, host + "/" + container.name(), new ExposureRejected(host,
                container.name(), container.app(), problems, now));
    }

    /** Every host with a route of {@code hostname}: their tunnels may serve it or have to let go of it. */
    private static Set<UUID> hostsOf(String hostname) {
        Set<UUID> hosts = new LinkedHashSet<>();
        ExposedRoute.<ExposedRoute>list("hostname", hostname).forEach(route -> hosts.add(route.hostId));
        return hosts;
    }

    private static String hash(Map<String, String> labels) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            new TreeMap<>(labels).forEach((key, value) -> {
                digest.update(key.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(value.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
