package io.homeport.gateway.agenthub;

import io.cloudevents.CloudEvent;
import io.homeport.agent.protocol.Frame;
import io.homeport.events.EventCodec;
import io.homeport.events.EventTypes;
import io.homeport.events.agent.AgentDesiredState;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The latest desired state of every host, read from the compacted topic from its beginning by every gateway
 * replica (each in a consumer group of its own), so whichever replica an agent lands on can deliver it. A new
 * revision goes straight to the host's agent when it is connected here, with the volume leases the host holds (the
 * agent starts no container on a volume it holds no lease for).
 */
@ApplicationScoped
public class DesiredStates {

    private final Map<UUID, Frame.Desired> latest = new ConcurrentHashMap<>();
    private final AgentSessions sessions;

    DesiredStates(AgentSessions sessions) {
        this.sessions = sessions;
    }

    @Incoming("desired-state")
    @Blocking
    public void onDesiredState(CloudEvent event) {
        if (event == null || !EventTypes.AGENT_DESIRED_STATE.type().equals(event.getType())) {
            return;
        }
        AgentDesiredState state = EventCodec.payload(event, EventTypes.AGENT_DESIRED_STATE);
        Frame.Desired desired = new Frame.Desired(state.revision(), state.containers(), state.volumes());
        Frame.Desired kept = latest.merge(state.hostId(), desired,
                (old, offered) -> offered.revision() >= old.revision() ? offered : old);
        if (kept == desired) {
            sessions.send(state.hostId(), desired);
        }
    }

    public Optional<Frame.Desired> of(UUID hostId) {
        return Optional.ofNullable(latest.get(hostId));
    }
}
