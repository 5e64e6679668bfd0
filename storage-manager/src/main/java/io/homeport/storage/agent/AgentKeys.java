package io.homeport.storage.agent;

import io.homeport.agent.protocol.SecretSealing;
import io.homeport.events.agent.AgentConnected;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/** The sealing keys agents offer when they connect (the gateway relays them as {@code agent.connected}). */
@ApplicationScoped
public class AgentKeys {

    private static final Logger LOG = Logger.getLogger(AgentKeys.class);

    /** Remembers the key of a connecting agent; empty when it offered none that secrets can be sealed to. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<AgentKey> connected(AgentConnected event) {
        if (event.sealingKey() == null || !SecretSealing.isSealingKey(event.sealingKey())) {
            LOG.warnf("The agent of host %s offered no P-256 public JWK to seal to: it gets no rclone config",
                    event.hostId());
            return Optional.empty();
        }
        AgentKey key = AgentKey.findById(event.hostId());
        if (key == null) {
            key = new AgentKey();
            key.hostId = event.hostId();
            key.sealingKey = event.sealingKey();
            key.connectedAt = event.at();
            key.persist();
        } else {
            key.sealingKey = event.sealingKey();
            key.connectedAt = event.at();
        }
        return Optional.of(key);
    }

    public List<AgentKey> all() {
        return AgentKey.listAll();
    }
}
