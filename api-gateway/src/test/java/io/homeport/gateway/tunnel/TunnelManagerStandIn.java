package io.homeport.gateway.tunnel;

import com.sun.net.httpserver.HttpExchange;
import io.homeport.api.tunnels.RouteView;
import io.homeport.api.tunnels.TunnelView;
import io.homeport.gateway.client.DownstreamStandIn;
import io.homeport.platform.problem.Problem;
import io.homeport.platform.problem.ProblemType;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Stands in for the tunnel-manager behind the gateway in the gateway's tests: an HTTP server on loopback that answers
 * {@code TunnelsApi} as its contract says (paths, JSON bodies, a 404 problem for a hostname without routes), from
 * fixed data: host {@code web-1}'s tunnel with routes {@code app.example.com} (two paths, active),
 * {@code old.example.com} (in its grace period) and {@code taken.example.com} (a conflict).
 */
public class TunnelManagerStandIn extends DownstreamStandIn {

    public static final UUID HOST = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    private static final String TUNNEL = "6ff42ae2-765d-4adf-8112-31c55c1551ef";
    private static final Instant CREATED = Instant.parse("2026-11-20T08:00:00Z");
    private static final List<RouteView> ROUTES = List.of(
            route("app.example.com", null, "http://web:80", "ACTIVE", null, null),
            route("app.example.com", "/api", "http://web:3000", "ACTIVE", null, null),
            route("old.example.com", null, "http://old:80", "GRACE", CREATED.plusSeconds(3600), null),
            route("taken.example.com", null, "http://shop:80", "CONFLICT", null,
                    "a DNS record Homeport does not own"));

    public TunnelManagerStandIn() {
        super("tunnel-manager");
    }

    @Override
    protected void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Object body;
            if (!exchange.getRequestMethod().equals("GET")) {
                body = Problem.ofStatus(405, "not a method of this resource");
            } else if (path.equals("/api/v1/tunnels")) {
                body = List.of(new TunnelView(HOST, "web-1", TUNNEL, "homeport-web-1", true, CREATED, CREATED, null));
            } else if (path.equals("/api/v1/routes")) {
                String hostname = hostnameQuery(exchange.getRequestURI().getRawQuery());
                body = ROUTES.stream().filter(r -> hostname == null || r.hostname().equals(hostname)).toList();
            } else if (path.startsWith("/api/v1/routes/")) {
                String hostname = path.substring("/api/v1/routes/".length());
                List<RouteView> routes = ROUTES.stream().filter(r -> r.hostname().equals(hostname)).toList();
                body = routes.isEmpty() ? Problem.of(ProblemType.NOT_FOUND, "no routes for " + hostname) : routes;
            } else {
                body = Problem.of(ProblemType.NOT_FOUND, "no such resource: " + path);
            }
            byte[] bytes = json.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", body instanceof Problem ? Problem.MEDIA_TYPE
                    : "application/json");
            exchange.sendResponseHeaders(body instanceof Problem problem ? problem.status() : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private static String hostnameQuery(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("hostname=")) {
                return URLDecoder.decode(pair.substring("hostname=".length()), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static RouteView route(String hostname, String path, String service, String state, Instant removeAt,
            String conflict) {
        return new RouteView(hostname, path, service, HOST, "web-1", hostname.substring(0, hostname.indexOf('.')),
                hostname.substring(0, hostname.indexOf('.')), state, removeAt, conflict, CREATED);
    }
}
