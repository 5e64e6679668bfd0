package io.homeport.events.host;

import java.time.Instant;
import java.util.UUID;

/**
 * A host was replaced by a freshly provisioned one whose agent is online: its agent's credentials are revoked (an
 * agent that comes back is refused and stops everything Homeport placed on it), and every app placed on it moves to
 * {@code replacedBy}, whatever its failover policy.
 *
 * @param replacementId the replacement run that did it
 */
public record HostReplaced(UUID hostId, String name, UUID replacedBy, UUID replacementId, Instant at) {
}
