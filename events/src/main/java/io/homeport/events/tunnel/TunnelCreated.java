package io.homeport.events.tunnel;

import java.time.Instant;
import java.util.UUID;

/**
 * A host got its Cloudflare tunnel ({@code homeport-<host name>}, created or adopted by name), and its cloudflared
 * connector was handed to the deployer. Subject: host id. The tunnel's token never leaves the tunnel-manager and the
 * deployer's secret store.
 */
public record TunnelCreated(UUID hostId, String tunnelId, String tunnelName, Instant at) {
}
