package io.homeport.events.agent;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A one-shot command for one host's agent (kinds and arguments: agent-protocol {@code Commands}). The hub replica
 * holding the agent's connection delivers it; one that does not holds it until the agent connects there or
 * {@code expiresAt} passes. The answer comes back as {@link AgentCommandProgress} and {@link AgentCommandCompleted}
 * with the same {@code commandId}.
 */
public record AgentCommandRequested(UUID commandId, UUID hostId, String kind, Map<String, String> args,
        Instant expiresAt) {
}
