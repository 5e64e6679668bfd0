package io.homeport.gateway.enrollment;

import io.cloudevents.CloudEvent;
import io.homeport.agent.protocol.Frames;
import io.homeport.events.EventTypes;
import io.homeport.gateway.agenthub.AgentSessions;
import io.homeport.platform.inbox.EventRoutes;
import io.homeport.platform.inbox.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What the provisioner decides about a host's agent: a one-time enrollment key for a host it provisions, and the
 * end of a decommissioned or replaced host's credentials (its agent, if connected here, is told to stop everything). Each event is applied once, by one gateway replica.
 */
@ApplicationScoped
public class HostEventsConsumer {

    private final IdempotentConsumer idempotent;
    private final EventRoutes routes;

    HostEventsConsumer(IdempotentConsumer idempotent, EnrollmentService enrollment, AgentSessions sessions) {
        this.idempotent = idempotent;
        this.routes = EventRoutes.on(EventTypes.HOST_ENROLLMENT_KEY_ISSUED, enrollment::accept)
                .and(EventTypes.HOST_DECOMMISSIONED, host -> {
                    enrollment.decommissioned(host);
                    sessions.disconnect(host.hostId(), Frames.CLOSE_RETIRED, "this host was decommissioned");
                })
                .and(EventTypes.HOST_REPLACED, host -> {
                    enrollment.replaced(host);
                    sessions.disconnect(host.hostId(), Frames.CLOSE_RETIRED, "this host was replaced");
                });
    }

    @Incoming("hosts")
    @Blocking
    public void onHostEvent(CloudEvent event) {
        idempotent.handle("api-gateway", event, routes);
    }
}
