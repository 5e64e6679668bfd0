package io.homeport.tunnel.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import io.homeport.events.EventTypes;
import io.homeport.events.tunnel.RouteConflict;
import io.homeport.events.tunnel.RouteExposed;
import io.homeport.events.tunnel.TunnelCreated;
import io.homeport.events.tunnel.TunnelReconcileFailed;
import io.homeport.platform.outbox.Outbox;
import io.homeport.tunnel.access.AccessApps;
import io.homeport.tunnel.cloudflare.Cloudflare;
import io.homeport.tunnel.cloudflare.CloudflareException;
import io.homeport.tunnel.cloudflare.DnsRecord;
import io.homeport.tunnel.cloudflare.DnsRecordRequest;
import io.homeport.tunnel.cloudflare.Tunnel;
import io.homeport.tunnel.cloudflare.Zone;
import io.homeport.tunnel.config.TunnelConfig;
import io.homeport.tunnel.connector.ConnectorDeployer;
import io.homeport.tunnel.connector.DeployerRefusedException;
import io.homeport.tunnel.connector.DeployerUnavailableException;
import io.homeport.tunnel.dns.DnsAction;
import io.homeport.tunnel.dns.DnsPlan;
import io.homeport.tunnel.dns.ExistingRecord;
import io.homeport.tunnel.dns.OwnerMarker;
import io.homeport.tunnel.dns.Zones;
import io.homeport.tunnel.ingress.DesiredRule;
import io.homeport.tunnel.ingress.IngressMerge;
import io.homeport.tunnel.ingress.MergedIngress;
import io.homeport.tunnel.ingress.RuleKey;
import io.homeport.tunnel.label.Access;
import io.homeport.tunnel.route.ExposedRoute;
import io.homeport.tunnel.tunnel.HostTunnel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Brings one host's tunnel in line with the routes, level-triggered: it re-reads what is wanted (the routes this
 * host serves) and what is (the tunnel's configuration and the zones' DNS records at Cloudflare) every time, and
 * writes only what differs, so a steady state makes no write call.
 *
 * <ol>
 *   <li>The tunnel: found by its name or created ({@code config_src: cloudflare}); its connector is handed to the
 *       deployer with the tunnel's token.</li>
 *   <li>Ingress: the served routes merged into the tunnel's configuration ({@link IngressMerge}: rules Homeport does
 *       not own are kept verbatim, the catch-all last); one PUT when it changed.</li>
 *   <li>DNS: for every zone of a hostname this tunnel serves or served, the plan of {@link DnsPlan} with every
 *       tunnel's hostnames at once (a moved app's CNAME is repointed); records Homeport does not own are never
 *       touched.</li>
 *   <li>Access: the Access applications of the routes whose labels ask for it ({@link AccessApps}).</li>
 * </ol>
 * Conflicts (someone else's rule or record in the way) are kept on the route and reported once.
 */
@ApplicationScoped
public class TunnelReconciler {

    private static final Logger LOG = Logger.getLogger(TunnelReconciler.class);

    private final Cloudflare cloudflare;
    private final ConnectorDeployer connectors;
    private final AccessApps access;
    private final Outbox outbox;
    private final ReconcileQueue queue;
    private final OwnerMarker owner;
    private final boolean manageConnectors;

    TunnelReconciler(Cloudflare cloudflare, ConnectorDeployer connectors, AccessApps access, Outbox outbox,
            ReconcileQueue queue, TunnelConfig config) {
        this.cloudflare = cloudflare;
        this.connectors = connectors;
        this.access = access;
        this.outbox = outbox;
        this.queue = queue;
        this.owner = new OwnerMarker(config.owner());
        this.manageConnectors = config.manageConnectors();
    }

    /** What a reconcile starts from, read in one transaction. */
    private record Wanted(HostTunnel tunnel, List<ExposedRoute> serving, Map<String, UUID> hostByHostname,
            Map<UUID, String> tunnelIdByHost, Map<RuleKey, Access> accessAnywhere) {
    }

    /** Reconciles {@code host}'s tunnel; a failure is recorded and retried with backoff, never thrown. */
    public void reconcile(UUID host) {
        String error = null;
        try {
            reconcileOrThrow(host);
        } catch (CloudflareException | DeployerRefusedException | DeployerUnavailableException
                | ConnectorBusyException | TimeoutException e) {
            error = e.getMessage();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Reconciling the tunnel of host %s failed", host);
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        String failure = error;
        QuarkusTransaction.requiringNew().run(() -> {
            HostTunnel tunnel = queue.finished(host, failure);
            if (failure != null && tunnel != null && tunnel.failures == 1) {
                LOG.warnf("Reconciling the tunnel of host %s failed (retried with backoff): %s", host, failure);
                outbox.emit(EventTypes.TUNNEL_RECONCILE_FAILED, host.toString(), new TunnelReconcileFailed(host,
                        tunnel.tunnelId, failure, Instant.now()));
            }
        });
    }

    private void reconcileOrThrow(UUID host) {
        Wanted wanted = QuarkusTransaction.requiringNew().call(() -> read(host));
        if (wanted == null) {
            return;
        }
        HostTunnel tunnel = wanted.tunnel();
        String tunnelId = tunnel.tunnelId != null && tunnel.connectorAt != null ? tunnel.tunnelId
                : ensureTunnel(tunnel);
        List<DesiredRule> rules = wanted.serving().stream().map(route -> new DesiredRule(route.hostname,
                route.path, route.service, route.originRequest)).toList();
        JsonNode current = cloudflare.configuration(tunnelId).config();
        MergedIngress merged = IngressMerge.merge(current, rules, new TreeSet<>(tunnel.ownedRules));
        if (merged.changed()) {
            cloudflare.putConfiguration(tunnelId, merged.config());
            LOG.infof("Tunnel %s of host %s: ingress written (%d rules of Homeport's)", tunnelId, host,
                    merged.owned().size());
        }
        Map<RuleKey, String> conflicts = new HashMap<>();
        merged.conflicts().forEach(conflict -> conflicts.put(conflict.key(), conflict.reason()));

        Set<String> hostnames = new TreeSet<>();
        wanted.serving().forEach(route -> hostnames.add(route.hostname));
        tunnel.ownedRules.forEach(key -> hostnames.add(key.hostname()));
        Map<String, String> tunnelByHostname = new TreeMap<>();
        wanted.hostByHostname().forEach((hostname, holder) -> Optional.ofNullable(wanted.tunnelIdByHost()
                .get(holder)).ifPresent(id -> tunnelByHostname.put(hostname, id)));
        Map<String, String> dnsConflicts = dns(hostnames, wanted.serving(), tunnelByHostname);

        Set<RuleKey> concerned = new TreeSet<>(tunnel.ownedRules);
        wanted.serving().forEach(route -> concerned.add(new RuleKey(route.hostname, route.path)));
        access.reconcile(wanted.accessAnywhere(), List.copyOf(concerned));

        QuarkusTransaction.requiringNew().run(() -> recordOutcome(host, tunnelId, merged, conflicts,
                dnsConflicts));
    }

    private Wanted read(UUID host) {
        HostTunnel tunnel = HostTunnel.findById(host);
        if (tunnel == null) {
            return null;
        }
        List<ExposedRoute> all = ExposedRoute.listAll();
        Map<RuleKey, ExposedRoute> serving = ServingRoutes.of(all);
        List<ExposedRoute> mine = serving.values().stream().filter(route -> route.hostId.equals(host)).toList();
        Map<String, UUID> hostByHostname = new TreeMap<>();
        serving.values().stream().sorted(ServingRoutes.PREFERRED).forEach(route ->
                hostByHostname.put(route.hostname, route.hostId)); // the most preferred route of a name wins
        Map<UUID, String> tunnelIds = new HashMap<>();
        HostTunnel.<HostTunnel>list("tunnelId is not null").forEach(t -> tunnelIds.put(t.hostId, t.tunnelId));
        Map<RuleKey, Access> accessAnywhere = new HashMap<>();
        serving.forEach((key, route) -> {
            if (route.access != null) {
                accessAnywhere.put(key, route.access);
            }
        });
        HostTunnel.getEntityManager().detach(tunnel);
        all.forEach(route -> ExposedRoute.getEntityManager().detach(route));
        return new Wanted(tunnel, mine, hostByHostname, tunnelIds, accessAnywhere);
    }

    /** Finds the host's tunnel by name or creates it, and hands its connector to the deployer. */
    private String ensureTunnel(HostTunnel tunnel) {
        String name = HostTunnel.tunnelName(tunnel.hostName);
        String id = tunnel.tunnelId;
        boolean created = false;
        if (id == null) {
            Optional<Tunnel> existing = cloudflare.tunnels(name).stream().filter(t -> t.name().equals(name))
                    .findFirst();
            if (existing.isPresent()) {
                id = existing.get().id();
                LOG.infof("Host %s: adopting tunnel %s (%s) found by its name", tunnel.hostId, name, id);
            } else {
                id = cloudflare.createTunnel(name).id();
                created = true;
                LOG.infof("Host %s: created tunnel %s (%s)", tunnel.hostId, name, id);
            }
        }
        if (manageConnectors && connectors.ensure(tunnel.hostId, tunnel.hostName, cloudflare.tunnelToken(id))
                == ConnectorDeployer.Outcome.BUSY) {
            throw new ConnectorBusyException(tunnel.hostId);
        }
        String tunnelId = id;
        boolean made = created;
        QuarkusTransaction.requiringNew().run(() -> {
            HostTunnel row = HostTunnel.findById(tunnel.hostId);
            row.tunnelId = tunnelId;
            row.tunnelName = name;
            row.connectorAt = Instant.now();
            outbox.emit(EventTypes.TUNNEL_CREATED, row.hostId.toString(), new TunnelCreated(row.hostId, tunnelId,
                    name, Instant.now()));
            LOG.debugf("Host %s: tunnel %s %s, connector handed to the deployer", row.hostId, tunnelId,
                    made ? "created" : "adopted");
        });
        return id;
    }

    /** Applies the DNS plan of every zone concerned; answers the conflicts by hostname. */
    private Map<String, String> dns(Set<String> hostnames, List<ExposedRoute> serving,
            Map<String, String> tunnelByHostname) {
        Map<String, String> conflicts = new HashMap<>();
        if (hostnames.isEmpty()) {
            return conflicts;
        }
        List<Zone> zones = cloudflare.zones();
        List<String> zoneNames = zones.stream().map(Zone::name).toList();
        Map<String, String> explicit = new HashMap<>();
        serving.stream().filter(route -> route.zoneName != null).forEach(route ->
                explicit.put(route.hostname, route.zoneName));
        Set<String> concerned = new TreeSet<>();
        for (String hostname : hostnames) {
            Optional<String> zone = explicit.containsKey(hostname) ? Optional.of(Zones.normalize(
                    explicit.get(hostname))) : Zones.zoneFor(hostname, zoneNames);
            if (zone.isPresent()) {
                concerned.add(zone.get());
            } else if (!hostname.startsWith("*.")) {
                conflicts.put(hostname, "no zone of the Cloudflare account holds " + hostname);
            }
        }
        for (Zone zone : zones) {
            if (!concerned.contains(Zones.normalize(zone.name()))) {
                continue;
            }
            List<ExistingRecord> existing = cloudflare.dnsRecords(zone.id(), null, null).stream()
                    .map(TunnelReconciler::existing).toList();
            for (DnsAction action : DnsPlan.plan(zone.name(), existing, tunnelByHostname, owner)) {
                apply(zone, action, conflicts);
            }
        }
        return conflicts;
    }

    private void apply(Zone zone, DnsAction action, Map<String, String> conflicts) {
        if (action instanceof DnsAction.Create create) {
            cloudflare.createDnsRecord(zone.id(), new DnsRecordRequest("CNAME", create.name(), create.content(), true,
                    1L, owner.comment()));
            LOG.infof("DNS %s: CNAME %s created", create.name(), create.content());
        } else if (action instanceof DnsAction.Update update) {
            cloudflare.updateDnsRecord(zone.id(), update.id(), new DnsRecordRequest("CNAME", update.name(),
                    update.content(), true, 1L, owner.comment()));
            LOG.infof("DNS %s: CNAME repointed to %s", update.name(), update.content());
        } else if (action instanceof DnsAction.Delete delete) {
            cloudflare.deleteDnsRecord(zone.id(), delete.id());
            LOG.infof("DNS %s: record deleted", delete.name());
        } else if (action instanceof DnsAction.Conflict conflict) {
            conflicts.put(conflict.name(), conflict.reason());
        }
    }

    private static ExistingRecord existing(DnsRecord record) {
        return new ExistingRecord(record.id(), record.type(), record.name(), record.content(), record.proxied(),
                record.comment());
    }

    /** What Homeport now owns in the tunnel, and the routes it serves (announced once) or cannot (conflicts). */
    private void recordOutcome(UUID host, String tunnelId, MergedIngress merged, Map<RuleKey, String> conflicts,
            Map<String, String> dnsConflicts) {
        HostTunnel tunnel = HostTunnel.findById(host);
        tunnel.ownedRules = new ArrayList<>(merged.owned());
        Instant now = Instant.now();
        List<ExposedRoute> routes = ExposedRoute.list("hostId", host);
        Map<RuleKey, ExposedRoute> serving = ServingRoutes.of(ExposedRoute.<ExposedRoute>list("hostname in ?1",
                routes.stream().map(route -> route.hostname).distinct().toList()));
        for (ExposedRoute route : routes) {
            RuleKey key = new RuleKey(route.hostname, route.path);
            if (serving.get(key) != route) {
                continue;
            }
            String conflict = conflicts.containsKey(key) ? conflicts.get(key) : dnsConflicts.get(route.hostname);
            if (!Objects.equals(conflict, route.conflict)) {
                route.conflict = conflict;
                if (conflict != null) {
                    LOG.warnf("Route %s%s of host %s not served: %s", route.hostname, route.path, host, conflict);
                    outbox.emit(EventTypes.ROUTE_CONFLICT, route.hostname, new RouteConflict(route.hostname,
                            route.path, host, conflict, now));
                }
            }
            if (conflict == null && route.exposedAt == null && route.state == ExposedRoute.State.ACTIVE) {
                route.exposedAt = now;
                outbox.emit(EventTypes.ROUTE_EXPOSED, route.hostname, new RouteExposed(route.hostname, route.path,
                        route.service, host, tunnelId, route.previousHostId, route.container, route.app, now));
            }
        }
    }
}
