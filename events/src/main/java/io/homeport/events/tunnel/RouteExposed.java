package io.homeport.events.tunnel;

import java.time.Instant;
import java.util.UUID;

/**
 * A hostname (and path, "" for none) is served through a host's tunnel: its ingress rule is in the tunnel's
 * configuration and its proxied CNAME points at the tunnel. {@code previousHostId}: the host whose tunnel served it
 * before (an app that moved), null for a new route. Subject: hostname.
 */
public record RouteExposed(String hostname, String path, String service, UUID hostId, String tunnelId,
        UUID previousHostId, String container, String app, Instant at) {
}
