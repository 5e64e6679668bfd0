package io.homeport.gateway.agenthub;

import io.cloudevents.CloudEvent;
import io.homeport.events.EventCodec;
import io.homeport.events.EventTypes;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Commands other services request on {@code homeport.agent.commands}. Every replica reads them (a consumer group
 * of its own, from the latest offset: a command older than this replica is for the replicas that were there).
 */
@ApplicationScoped
public class CommandRequests {

    private final AgentCommands commands;

    CommandRequests(AgentCommands commands) {
        this.commands = commands;
    }

    @Incoming("agent-commands")
    @Blocking
    public void onRequest(CloudEvent event) {
        if (event != null && EventTypes.AGENT_COMMAND_REQUESTED.type().equals(event.getType())) {
            commands.requested(EventCodec.payload(event, EventTypes.AGENT_COMMAND_REQUESTED));
        }
    }
}
