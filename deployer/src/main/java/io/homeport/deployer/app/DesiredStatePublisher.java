package io.homeport.deployer.app;

import io.homeport.agent.protocol.ContainerSpec;
import io.homeport.agent.protocol.HostVolume;
import io.homeport.api.apps.AppSpec;
import io.homeport.deployer.host.HostDesired;
import io.homeport.deployer.host.PlacementHost;
import io.homeport.deployer.secret.Secrets;
import io.homeport.deployer.volume.Volumes;
import io.homeport.events.EventTypes;
import io.homeport.events.agent.AgentDesiredState;
import io.homeport.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Publishes the whole desired state of hosts (every replica placed there, at its app's target revision, its secrets
 * sealed to the host's agent, unless the app's volumes are moving to another host; the volume leases the host holds
 * for the apps placed there) to the compacted topic,
 * through the outbox, in the transaction that changed it. Each publication for a host takes the next revision of that
 * host's desired state.
 */
@ApplicationScoped
public class DesiredStatePublisher {

    private static final Logger LOG = Logger.getLogger(DesiredStatePublisher.class);

    private final Outbox outbox;
    private final AppSpecJson specs;
    private final Secrets secrets;
    private final Volumes volumes;

    DesiredStatePublisher(Outbox outbox, AppSpecJson specs, Secrets secrets, Volumes volumes) {
        this.outbox = outbox;
        this.specs = specs;
        this.secrets = secrets;
        this.volumes = volumes;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(Collection<UUID> hosts) {
        hosts.stream().distinct().sorted().forEach(this::publish);
    }

    /** Publishes {@code host}'s desired state again if {@code app} runs there, e.g. once a lease of it moved away. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void republishWhereRunning(String app, UUID host) {
        if (Replica.count("app = ?1 and hostId = ?2", app, host) > 0) {
            publish(host);
        }
    }

    private void publish(UUID hostId) {
        Map<String, List<Replica>> byApp = new TreeMap<>();
        Replica.<Replica>list("hostId", hostId).forEach(replica ->
                byApp.computeIfAbsent(replica.app, app -> new ArrayList<>()).add(replica));
        List<ContainerSpec> containers = new ArrayList<>();
        // each app's spec is read, and its secrets sealed, once for all its replicas here
        byApp.forEach((app, replicas) -> {
            long revision = App.<App>findById(app).targetRevision;
            AppRevision stored = AppRevision.findById(new AppRevision.Key(app, revision));
            AppSpec spec = specs.read(stored.spec);
            if (!spec.volumes().isEmpty() && volumes.requestedElsewhere(app, hostId)) {
                LOG.infof("App %s is left out of host %s's desired state: its volumes move to another host, so it "
                        + "stops here first (the host keeps their leases until they move)", app, hostId);
                return;
            }
            Map<String, HostVolume> leases = volumes.leases(app);
            List<String> unleased = spec.volumes().stream().map(AppSpec.Volume::name)
                    .filter(name -> !leases.containsKey(name)).toList();
            if (!unleased.isEmpty()) {
                LOG.warnf("App %s revision %d is left out of host %s's desired state: no lease was ever granted for "
                        + "its volumes %s", app, revision, hostId, unleased);
                return;
            }
            Secrets.Sealed sealed = stored.secretVersions.isEmpty() ? Secrets.Sealed.NONE
                    : secrets.seal(spec, stored.secretVersions, sealingKey(hostId));
            replicas.stream().sorted(Comparator.comparingInt(replica -> replica.replica)).forEach(replica ->
                    containers.add(ContainerSpecs.of(spec, replica.replica, revision, sealed, leases)));
        });
        HostDesired desired = HostDesired.<HostDesired>findByIdOptional(hostId).orElseGet(() -> {
            HostDesired first = new HostDesired();
            first.hostId = hostId;
            first.persist();
            return first;
        });
        desired.revision++;
        outbox.emit(EventTypes.AGENT_DESIRED_STATE, hostId.toString(), new AgentDesiredState(hostId,
                desired.revision, containers, volumes.heldBy(hostId, byApp.keySet())));
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
