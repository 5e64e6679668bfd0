package io.homeport.events.agent;

import io.homeport.agent.protocol.Frame;
import java.time.Instant;
import java.util.UUID;

/**
 * A command's outcome. {@code failure} says why it failed (null when it succeeded). {@code output} is what the
 * command printed, except for container logs: they may hold anything an application prints, so only the caller
 * that asked for them through the API receives them, never the event log.
 */
public record AgentCommandCompleted(UUID commandId, UUID hostId, String kind, boolean succeeded,
        Frame.Failure failure, String output, Instant at) {
}
