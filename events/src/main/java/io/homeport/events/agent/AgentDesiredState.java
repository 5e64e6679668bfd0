package io.homeport.events.agent;

import io.homeport.agent.protocol.ContainerSpec;
import io.homeport.agent.protocol.HostVolume;
import java.util.List;
import java.util.UUID;

/**
 * The whole desired state of one host (the compacted topic keeps the latest per host). The agent hub delivers
 * it to the host's agent on every (re)connect and on every new revision. {@code volumes}: the volumes whose
 * writable lease the host holds (agent-protocol {@code Frame.Desired}).
 */
public record AgentDesiredState(UUID hostId, long revision, List<ContainerSpec> containers,
        List<HostVolume> volumes) {

    public AgentDesiredState {
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
    }

    /** A desired state without volumes. */
    public AgentDesiredState(UUID hostId, long revision, List<ContainerSpec> containers) {
        this(hostId, revision, containers, List.of());
    }
}
