package io.homeport.events.agent;

import java.time.Instant;
import java.util.UUID;

/** An agent opened its connection to the agent hub; {@code hubInstance} names the gateway replica holding it. */
public record AgentConnected(UUID hostId, String hubInstance, Instant at) {
}
