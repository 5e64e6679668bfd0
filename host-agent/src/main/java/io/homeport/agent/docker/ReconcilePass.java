package io.homeport.agent.docker;

import io.homeport.agent.reconcile.Action;
import io.homeport.agent.protocol.ContainerSpec;
import io.homeport.agent.reconcile.Reconciler;
import java.util.List;

/** One level-triggered pass: re-read the host, diff against the desired state, carry the plan out. */
public final class ReconcilePass {

    private final HostContainers host;
    private final DockerActions actions;

    public ReconcilePass(HostContainers host, DockerActions actions) {
        this.host = host;
        this.actions = actions;
    }

    public List<Outcome> run(List<ContainerSpec> desired) {
        List<Action> plan = Reconciler.diff(desired, host.all(), host.images());
        return actions.execute(plan);
    }
}
