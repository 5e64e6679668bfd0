package io.homeport.events.tunnel;

import java.time.Instant;
import java.util.UUID;

/**
 * The container behind a route stopped or went away: the route stays until {@code removeAt} (the grace period), and
 * a restart before then keeps it. Subject: hostname.
 */
public record RouteRemovalScheduled(String hostname, String path, UUID hostId, String container, Instant removeAt,
        Instant at) {
}
