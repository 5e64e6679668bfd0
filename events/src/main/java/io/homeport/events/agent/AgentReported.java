package io.homeport.events.agent;

import io.homeport.agent.protocol.ContainerState;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What an agent reported about its containers: a full snapshot or a delta. */
public record AgentReported(UUID hostId, boolean full, List<ContainerState> containers, Instant at) {
}
