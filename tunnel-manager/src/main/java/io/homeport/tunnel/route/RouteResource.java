package io.homeport.tunnel.route;

import io.homeport.api.tunnels.RouteView;
import io.homeport.api.tunnels.TunnelView;
import io.homeport.api.tunnels.TunnelsApi;
import io.homeport.platform.problem.ProblemException;
import io.homeport.platform.problem.ProblemType;
import io.homeport.tunnel.tunnel.HostTunnel;
import io.quarkus.panache.common.Sort;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Tunnels and routes as they stand, read-only: routes come from container labels. */
public class RouteResource implements TunnelsApi {

    @Override
    @Transactional
    public List<TunnelView> tunnels() {
        return HostTunnel.<HostTunnel>listAll(Sort.by("hostName")).stream().map(tunnel -> new TunnelView(
                tunnel.hostId, tunnel.hostName, tunnel.tunnelId, tunnel.tunnelName, tunnel.connectorAt != null,
                tunnel.createdAt, tunnel.reconciledAt, tunnel.lastError)).toList();
    }

    @Override
    @Transactional
    public List<RouteView> routes(String hostname) {
        List<ExposedRoute> routes = hostname == null || hostname.isBlank()
                ? ExposedRoute.listAll(Sort.by("hostname").and("path").and("hostId"))
                : ExposedRoute.list("hostname", Sort.by("path").and("hostId"), hostname.strip().toLowerCase(Locale.ROOT));
        Map<UUID, String> hostNames = new HashMap<>();
        HostTunnel.<HostTunnel>listAll().forEach(tunnel -> hostNames.put(tunnel.hostId, tunnel.hostName));
        return routes.stream().map(route -> new RouteView(route.hostname, route.path, route.service, route.hostId,
                hostNames.get(route.hostId), route.container, route.app,
                route.conflict != null ? "CONFLICT" : route.state.name(), route.removeAt, route.conflict,
                route.exposedAt)).toList();
    }

    @Override
    public List<RouteView> routesOf(String hostname) {
        List<RouteView> routes = routes(hostname);
        if (routes.isEmpty()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "no container asks for " + hostname);
        }
        return routes;
    }
}
