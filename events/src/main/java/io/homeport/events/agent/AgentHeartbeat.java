package io.homeport.events.agent;

import java.time.Instant;
import java.util.UUID;

/** An agent is alive; the provisioner marks a host LOST when these stop. */
public record AgentHeartbeat(UUID hostId, Instant at) {
}
