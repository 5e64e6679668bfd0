package io.homeport.deployer.app;

import io.homeport.agent.protocol.ContainerSpec;
import io.homeport.deployer.config.DeployerConfig;
import io.homeport.api.apps.AppSpec;
import io.homeport.deployer.host.HostDesired;
import io.homeport.deployer.host.PlacementHost;
import io.homeport.deployer.secret.Secrets;
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
 * Publishes the whole desired state of hosts (every replica placed there, at its app's target revision, its secrets
 * sealed to the host's agent) to the compacted topic, through the outbox, in the transaction that changed it. Each
 * publication for a host takes the next revision of that host's desired state.
 */
@ApplicationScoped
public class DesiredStatePublisher {

    private final Outbox outbox;
    private final AppSpecJson specs;
    private final DeployerConfig config;
    private final Secrets secrets;

    DesiredStatePublisher(Outbox outbox, AppSpecJson specs, DeployerConfig config, Secrets secrets) {
        this.outbox = outbox;
        this.specs = specs;
        this.config = config;
        this.secrets = secrets;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(Collection<UUID> hosts) {
        hosts.stream().distinct().sorted().forEach(this::publish);
    }

    private void publish(UUID hostId) {
        List<ContainerSpec> containers = new ArrayList<>();
        List<Replica> replicas = Replica.list("hostId", hostId);
        replicas.sort(Comparator.comparing((Replica r) -> r.app).thenComparingInt(r -> r.replica));
        // replicas are sorted by app: each app's spec is read, and its secrets sealed, once for all its replicas here
        String current = null;
        AppSpec spec = null;
        Secrets.Sealed sealed = null;
        long revision = 0;
        for (Replica replica : replicas) {
            if (!replica.app.equals(current)) {
                current = replica.app;
                revision = App.<App>findById(current).targetRevision;
                AppRevision stored = AppRevision.findById(new AppRevision.Key(current, revision));
                spec = specs.read(stored.spec);
                sealed = stored.secretVersions.isEmpty() ? Secrets.Sealed.NONE
                        : secrets.seal(spec, stored.secretVersions, sealingKey(hostId));
            }
            containers.add(ContainerSpecs.of(spec, replica.replica, revision, sealed, config.sharedMount(),
                    config.localVolumes()));
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

    /** Placement puts apps with secrets only on hosts whose agent offered a key, so one is there. */
    private static String sealingKey(UUID hostId) {
        PlacementHost host = PlacementHost.findById(hostId);
        if (host == null || host.sealingKey == null) {
            throw new IllegalStateException("host " + hostId + " has no sealing key for the secrets placed there");
        }
        return host.sealingKey;
    }
}
