package io.homeport.api.tunnels;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A host's Cloudflare tunnel (one per host) and its cloudflared connector, which runs on the host as an app the
 * deployer deploys. Never carries the tunnel's token.
 *
 * @param tunnelId          Cloudflare's id of the tunnel; its DNS target is {@code <tunnelId>.cfargotunnel.com}
 * @param connectorDeployed whether the host's connector app has been handed to the deployer
 * @param lastError         why the last reconcile of this tunnel failed; null when it succeeded
 */
@Schema(description = "A host's Cloudflare tunnel and its connector.")
public record TunnelView(UUID hostId, String hostName, String tunnelId, String tunnelName, boolean connectorDeployed,
        Instant createdAt, Instant lastReconciledAt, String lastError) {
}
