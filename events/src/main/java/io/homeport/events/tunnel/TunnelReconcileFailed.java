package io.homeport.events.tunnel;

import java.time.Instant;
import java.util.UUID;

/**
 * Bringing a host's tunnel in line failed (the Cloudflare API refused, or stayed unavailable through the retries); it
 * is retried with backoff. Subject: host id.
 */
public record TunnelReconcileFailed(UUID hostId, String tunnelId, String reason, Instant at) {
}
