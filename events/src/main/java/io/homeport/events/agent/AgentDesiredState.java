package io.homeport.events.agent;

import io.homeport.agent.protocol.ContainerSpec;
import java.util.List;
import java.util.UUID;

/**
 * The whole desired state of one host (the compacted topic keeps the latest per host). The agent hub delivers
 * it to the host's agent on every (re)connect and on every new revision.
 */
public record AgentDesiredState(UUID hostId, long revision, List<ContainerSpec> containers) {
}
