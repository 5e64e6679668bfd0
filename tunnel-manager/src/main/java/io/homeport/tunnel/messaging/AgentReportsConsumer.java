package io.homeport.tunnel.messaging;

import io.cloudevents.CloudEvent;
import io.homeport.events.EventCodec;
import io.homeport.events.EventTypes;
import io.homeport.events.agent.AgentConnected;
import io.homeport.tunnel.route.Exposures;
import io.homeport.tunnel.tunnel.HostTunnels;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What agents say, relayed by the hub: a connected agent's host is ready for its tunnel and connector; container
 * reports carry the exposure labels routes are made of. Reports are level-triggered (the next full one says it all
 * again) and applying one twice changes nothing, so no inbox is kept for this busy topic.
 */
@ApplicationScoped
public class AgentReportsConsumer {

    private final HostTunnels tunnels;
    private final Exposures exposures;

    AgentReportsConsumer(HostTunnels tunnels, Exposures exposures) {
        this.tunnels = tunnels;
        this.exposures = exposures;
    }

    @Incoming("agent-reports")
    @Blocking
    public void onReport(CloudEvent event) {
        if (event == null) {
            return;
        }
        if (EventTypes.AGENT_CONNECTED.type().equals(event.getType())) {
            AgentConnected connected = EventCodec.payload(event, EventTypes.AGENT_CONNECTED);
            tunnels.connected(connected.hostId(), connected.facts() == null ? null : connected.facts().hostname());
        } else if (EventTypes.AGENT_REPORTED.type().equals(event.getType())) {
            exposures.apply(EventCodec.payload(event, EventTypes.AGENT_REPORTED));
        }
    }
}
