package io.homeport.deployer.app;

import io.homeport.agent.protocol.ContainerSpec;
import io.homeport.deployer.config.DeployerConfig;
import io.homeport.deployer.host.HostDesired;
import io.homeport.events.EventTypes;
import io.homeport.events.agent.AgentDesiredState;
import io.homeport.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Publishes the whole desired state of hosts (every replica placed there, at its app's target revision) to the
 * compacted topic, through the outbox, in the transaction that changed it. Each publication for a host takes the
 * next revision of that host's desired state.
 */
@ApplicationScoped
public class DesiredStatePublisher {

    private final Outbox outbox;
    private final AppSpecJson specs;
    private final DeployerConfig config;

    DesiredStatePublisher(Outbox outbox, AppSpecJson specs, DeployerConfig config) {
        this.outbox = outbox;
        this.specs = specs;
        this.config = config;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(Collection<UUID> hosts) {
        hosts.stream().distinct().sorted().forEach(this::publish);
    }

    private void publish(UUID hostId) {
        List<ContainerSpec> containers = new ArrayList<>();
        List<Replica> replicas = Replica.list("hostId", hostId);
        replicas.sort(Comparator.comparing((Replica r) -> r.app).thenComparingInt(r -> r.replica));
        for (Replica replica : replicas) {
            App app = App.findById(replica.app);
            containers.add(ContainerSpecs.of(specs.revision(app.name, app.targetRevision), replica.replica,
                    app.targetRevision, config.sharedMount(), config.localVolumes()));
        }
        HostDesired desired = HostDesired.<HostDesired>findByIdOptional(hostId).orElseGet(() -> {
            HostDesired first = new HostDesired();
            first.hostId = hostId;
            first.persist();
            return first;
        });
        desired.revision++;
        outbox.emit(EventTypes.AGENT_DESIRED_STATE, hostId.toString(),
                new AgentDesiredState(hostId, desired.revision, containers));
    }
}
