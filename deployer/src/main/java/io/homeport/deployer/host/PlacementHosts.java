package io.homeport.deployer.host;

import io.homeport.agent.protocol.SecretSealing;
import io.homeport.deployer.app.DesiredStatePublisher;
import io.homeport.deployer.app.Replica;
import io.homeport.events.agent.AgentConnected;
import io.homeport.events.agent.AgentDisconnected;
import io.homeport.events.host.HostAdopted;
import io.homeport.events.host.HostRegistered;
import io.homeport.platform.problem.ProblemException;
import io.homeport.platform.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Keeps the deployer's host records in step with the inventory. */
@ApplicationScoped
public class PlacementHosts {

    private static final Logger LOG = Logger.getLogger(PlacementHosts.class);

    private final DesiredStatePublisher desired;

    PlacementHosts(DesiredStatePublisher desired) {
        this.desired = desired;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void registered(HostRegistered event) {
        PlacementHost host = record(event.hostId(), event.name());
        host.name = event.name();
        host.labels = event.labels();
        host.registeredAt = event.registeredAt();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void adopted(HostAdopted event) {
        PlacementHost host = record(event.hostId(), event.hostname());
        host.name = event.hostname();
        host.labels = event.labels();
        host.registeredAt = event.adoptedAt();
    }

    /**
     * An agent said hello: the host is online with the capacity it reported (it may come before the inventory's
     * event). An agent with a new sealing key (its state was lost, say) gets its host's desired state sealed anew.
     */
    @Transactional
    public void connected(AgentConnected event) {
        PlacementHost host = record(event.hostId(), event.facts() == null ? event.hostId().toString()
                : event.facts().hostname());
        host.online = true;
        if (event.facts() != null) {
            host.cpus = event.facts().cpus();
            host.memoryMb = event.facts().memoryBytes() / (1024 * 1024);
        }
        if (event.sealingKey() != null && !SecretSealing.isSealingKey(event.sealingKey())) {
            LOG.warnf("The agent of host %s offered a sealing key that is not a P-256 public JWK: it gets no secrets",
                    host.hostId);
        } else if (event.sealingKey() != null && !event.sealingKey().equals(host.sealingKey)) {
            boolean replaced = host.sealingKey != null;
            host.sealingKey = event.sealingKey();
            if (replaced && Replica.count("hostId", host.hostId) > 0) {
                desired.publish(List.of(host.hostId)); // its secrets, sealed to the agent's new key
            }
        }
    }

    @Transactional
    public void disconnected(AgentDisconnected event) {
        PlacementHost.<PlacementHost>findByIdOptional(event.hostId()).ifPresent(host -> host.online = false);
    }

    /**
     * The host's record, made first when missing. Inventory events and agent events arrive on two consumers at once,
     * so the row is made with an insert that yields to the other's, never a failing duplicate.
     */
    private static PlacementHost record(UUID hostId, String name) {
        PlacementHost.getEntityManager().createNativeQuery("""
                INSERT INTO placement_host (host_id, name, labels, registered_at, known_since)
                VALUES (?1, ?2, '{}', now(), now()) ON CONFLICT (host_id) DO NOTHING""")
                .setParameter(1, hostId).setParameter(2, name).executeUpdate();
        return PlacementHost.findById(hostId);
    }

    public PlacementHostView get(UUID hostId) {
        return PlacementHost.<PlacementHost>findByIdOptional(hostId).map(PlacementHostView::of)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "The deployer knows no host " + hostId));
    }
}
