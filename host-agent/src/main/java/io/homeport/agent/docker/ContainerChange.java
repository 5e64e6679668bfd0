package io.homeport.agent.docker;

import io.homeport.agent.reconcile.ManagedLabels;
import java.time.Instant;
import java.util.Map;

/**
 * One thing that happened to a container, straight from the engine's event stream, for the deltas the agent
 * reports between full snapshots.
 *
 * @param action {@code start}, {@code die}, {@code oom}, {@code destroy} or {@code health_status: healthy} etc.
 */
public record ContainerChange(String containerId, String name, String action, Map<String, String> labels,
        Instant at) {

    public boolean managed() {
        return ManagedLabels.isManaged(labels);
    }
}
