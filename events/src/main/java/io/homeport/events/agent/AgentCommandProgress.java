package io.homeport.events.agent;

import java.time.Instant;
import java.util.UUID;

/** How far a running command has got; {@code percent}, {@code bytes} and {@code totalBytes} may be unknown. */
public record AgentCommandProgress(UUID commandId, UUID hostId, Integer percent, Long bytes, Long totalBytes,
        String message, Instant at) {
}
