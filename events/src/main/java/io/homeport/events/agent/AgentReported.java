package io.homeport.events.agent;

import io.homeport.agent.protocol.ContainerState;
import io.homeport.agent.protocol.DiskUsage;
import io.homeport.agent.protocol.MountHealth;
import io.homeport.agent.protocol.VolumeState;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What an agent reported about its containers: a full snapshot or a delta. A full one also carries the health of the
 * host's mount, the state of its volumes and the usage of its file systems (agent-protocol {@code Frame.Report}).
 */
public record AgentReported(UUID hostId, boolean full, List<ContainerState> containers, Instant at,
        List<MountHealth> mounts, List<VolumeState> volumes, List<DiskUsage> disks) {

    public AgentReported {
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
        disks = disks == null ? List.of() : List.copyOf(disks);
    }

    /** A report without disk usage. */
    public AgentReported(UUID hostId, boolean full, List<ContainerState> containers, Instant at,
            List<MountHealth> mounts, List<VolumeState> volumes) {
        this(hostId, full, containers, at, mounts, volumes, List.of());
    }

    /** A report of containers alone. */
    public AgentReported(UUID hostId, boolean full, List<ContainerState> containers, Instant at) {
        this(hostId, full, containers, at, List.of(), List.of(), List.of());
    }
}
