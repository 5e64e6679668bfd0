package io.homeport.events.tunnel;

import java.time.Instant;
import java.util.UUID;

/**
 * A route Homeport wants is in the way of something it does not own (an ingress rule or DNS record made by someone
 * else), which it leaves untouched: the route is not served until that is resolved. Subject: hostname.
 */
public record RouteConflict(String hostname, String path, UUID hostId, String reason, Instant at) {
}
