package io.homeport.api.tunnels;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One public route: requests for {@code hostname} (and {@code path}) go through the tunnel of the host running the
 * container whose labels asked for it, to {@code service}.
 *
 * @param path      the request-path regex, null for every path
 * @param service   the origin cloudflared forwards to, e.g. {@code http://web:80}
 * @param container the container whose labels made the route
 * @param app       the Homeport app of that container, null for a container Homeport did not deploy
 * @param state     {@code ACTIVE}: served; {@code GRACE}: its container is gone and the route is removed at
 *                  {@code removeAt} unless it comes back; {@code CONFLICT}: not served, see {@code conflict}
 * @param removeAt  in {@code GRACE}: when the route is removed; else null
 * @param conflict  in {@code CONFLICT}: what holds the hostname (another container, or an ingress rule or DNS record
 *                  Homeport does not own); else null
 * @param exposedAt when the route was first served
 */
@Schema(description = "A public hostname (and path) served through a host's tunnel.")
public record RouteView(String hostname, String path, String service, UUID hostId, String hostName, String container,
        String app,
        @Schema(description = "ACTIVE, GRACE or CONFLICT", enumeration = {"ACTIVE", "GRACE", "CONFLICT"}) String state,
        Instant removeAt, String conflict, Instant exposedAt) {
}
