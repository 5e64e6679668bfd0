package io.homeport.agent.docker;

import io.homeport.agent.protocol.ContainerSpec;
import io.homeport.agent.protocol.HostVolume;
import io.homeport.agent.reconcile.Action;
import io.homeport.agent.reconcile.ActualContainer;
import io.homeport.agent.reconcile.Reconciler;
import io.homeport.agent.reconcile.VolumeLease;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One level-triggered pass: re-read the host and the leases of its volumes, diff against the desired state, carry
 * the plan out, then tell the volumes which of them lost a container to a graceful stop.
 */
public final class ReconcilePass {

    private final HostContainers host;
    private final DockerActions actions;
    private final VolumeLeases leases;

    public ReconcilePass(HostContainers host, DockerActions actions) {
        this(host, actions, VolumeLeases.NONE);
    }

    public ReconcilePass(HostContainers host, DockerActions actions, VolumeLeases leases) {
        this.host = host;
        this.actions = actions;
        this.leases = leases;
    }

    public List<Outcome> run(List<ContainerSpec> desired) {
        return run(desired, List.of());
    }

    /** @param volumes the volumes whose lease this host holds, from the same desired state */
    public List<Outcome> run(List<ContainerSpec> desired, List<HostVolume> volumes) {
        List<ActualContainer> actual = host.all();
        Map<String, VolumeLease> checked = leases.check(volumes, desired, actual);
        List<Action> plan = Reconciler.diff(desired, actual, host.images(), checked);
        List<Outcome> outcomes = actions.execute(plan);
        Set<String> stopped = volumesStopped(plan, outcomes, actual);
        if (!stopped.isEmpty()) {
            leases.stopped(stopped);
        }
        return outcomes;
    }

    /** The volumes of the containers this pass stopped; outcomes follow the plan one to one. */
    private static Set<String> volumesStopped(List<Action> plan, List<Outcome> outcomes,
            List<ActualContainer> actual) {
        Set<String> volumes = new LinkedHashSet<>();
        for (int i = 0; i < outcomes.size(); i++) {
            if (plan.get(i) instanceof Action.Stop stop && outcomes.get(i).succeeded()) {
                actual.stream().filter(container -> container.id().equals(stop.id()))
                        .forEach(container -> volumes.addAll(container.volumes()));
            }
        }
        return volumes;
    }
}
