package io.homeport.events.failover;

import java.time.Instant;
import java.util.UUID;

/**
 * An app stays on a lost (or evacuated) host: its failover policy is {@code manual} or {@code none}, no other host
 * can take it, or a deployment of it is queued. {@code reason} says which, and what an operator can do.
 */
public record AppFailoverStranded(String app, UUID hostId, String reason, Instant at) {
}
