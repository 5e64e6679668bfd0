package io.homeport.deployer.report;

import io.homeport.events.agent.AgentConnected;
import io.homeport.deployer.failover.Failovers;
import io.cloudevents.CloudEvent;
import io.homeport.deployer.host.PlacementHosts;
import io.homeport.deployer.rollout.Rollouts;
import io.homeport.deployer.volume.Handovers;
import io.homeport.events.EventCodec;
import io.homeport.events.EventTypes;
import io.homeport.events.agent.AgentReported;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What the agents say, relayed by the hub: connections (a host online or not, its capacity; a replaced host's apps
 * move once its replacement connects), container reports,
 * which move rollouts along, and volume states, which move volume handovers along. Applying them twice does no harm,
 * so no inbox is kept for this busy topic.
 */
@ApplicationScoped
public class AgentReportsConsumer {

    private final PlacementHosts hosts;
    private final ContainerStates containers;
    private final Rollouts rollouts;
    private final Handovers handovers;
    private final Failovers failovers;

    AgentReportsConsumer(PlacementHosts hosts, ContainerStates containers, Rollouts rollouts, Handovers handovers,
            Failovers failovers) {
        this.hosts = hosts;
        this.containers = containers;
        this.rollouts = rollouts;
        this.handovers = handovers;
        this.failovers = failovers;
    }

    @Incoming("agent-reports")
    @Blocking
    public void onReport(CloudEvent event) {
        if (event == null) {
            return;
        }
        String type = event.getType();
        if (EventTypes.AGENT_CONNECTED.type().equals(type)) {
            AgentConnected connected = EventCodec.payload(event, EventTypes.AGENT_CONNECTED);
            hosts.connected(connected);
            failovers.replacementConnected(connected.hostId());
        } else if (EventTypes.AGENT_DISCONNECTED.type().equals(type)) {
            hosts.disconnected(EventCodec.payload(event, EventTypes.AGENT_DISCONNECTED));
        } else if (EventTypes.AGENT_REPORTED.type().equals(type)) {
            AgentReported report = EventCodec.payload(event, EventTypes.AGENT_REPORTED);
            containers.apply(report).forEach(rollouts::evaluate);
            if (!report.volumes().isEmpty()) {
                handovers.reported(report.hostId(), report.volumes());
            }
        }
    }
}
