package io.homeport.events.agent;

import java.time.Instant;
import java.util.UUID;

/** An agent's connection ended; {@code reason} says why when the hub closed it. */
public record AgentDisconnected(UUID hostId, String reason, Instant at) {
}
