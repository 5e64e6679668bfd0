package io.homeport.provisioner.liveness;

import io.cloudevents.CloudEvent;
import io.homeport.events.EventCodec;
import io.homeport.events.EventTypes;
import io.homeport.events.agent.AgentConnected;
import io.homeport.events.agent.AgentHeartbeat;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Heartbeats and agent connections from the gateway's agent hub, a poll's worth at a time: each host's latest is
 * recorded in one statement. No inbox: a heartbeat applied twice changes nothing (the latest wins). Everything else
 * on the topic (large container reports above all) is passed over by its type, without reading its data. A
 * disconnection is not a verdict either: the agent may reconnect to another hub replica; only silence makes a host
 * lost.
 */
@ApplicationScoped
public class HeartbeatConsumer {

    private static final Logger LOG = Logger.getLogger(HeartbeatConsumer.class);
    private static final String HEARTBEAT = EventTypes.AGENT_HEARTBEAT.type();
    private static final String CONNECTED = EventTypes.AGENT_CONNECTED.type();

    private final LivenessService liveness;

    HeartbeatConsumer(LivenessService liveness) {
        this.liveness = liveness;
    }

    @Incoming("agent-reports")
    @Blocking
    public void onReports(List<byte[]> records) {
        Map<UUID, Instant> latest = new HashMap<>();
        for (byte[] record : records) {
            String type = EventCodec.typeOf(record);
            if (!HEARTBEAT.equals(type) && !CONNECTED.equals(type)) {
                continue;
            }
            try {
                CloudEvent event = EventCodec.read(record);
                if (HEARTBEAT.equals(type)) {
                    AgentHeartbeat heartbeat = EventCodec.payload(event, EventTypes.AGENT_HEARTBEAT);
                    keepLatest(latest, heartbeat.hostId(), heartbeat.at());
                } else {
                    AgentConnected connected = EventCodec.payload(event, EventTypes.AGENT_CONNECTED);
                    keepLatest(latest, connected.hostId(), connected.at());
                }
            } catch (RuntimeException malformed) {
                // one bad record must not hold back the others' heartbeats
                LOG.warnf("passing over a malformed %s record: %s", type, malformed.getMessage());
            }
        }
        if (!latest.isEmpty()) {
            liveness.heard(latest);
        }
    }

    private static void keepLatest(Map<UUID, Instant> latest, UUID hostId, Instant at) {
        if (hostId == null || at == null) {
            throw new IllegalArgumentException("no host id or time");
        }
        latest.merge(hostId, at, (a, b) -> a.isAfter(b) ? a : b);
    }
}
