package io.homeport.gateway.enrollment;

import io.cloudevents.CloudEvent;
import io.homeport.events.EventTypes;
import io.homeport.platform.inbox.EventRoutes;
import io.homeport.platform.inbox.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What the provisioner decides about a host's agent: a one-time enrollment key for a host it provisions, and the
 * end of a decommissioned host's credentials. Each event is applied once, by one gateway replica.
 */
@ApplicationScoped
public class HostEventsConsumer {

    private final IdempotentConsumer idempotent;
    private final EventRoutes routes;

    HostEventsConsumer(IdempotentConsumer idempotent, EnrollmentService enrollment) {
        this.idempotent = idempotent;
        this.routes = EventRoutes.on(EventTypes.HOST_ENROLLMENT_KEY_ISSUED, enrollment::accept)
                .and(EventTypes.HOST_DECOMMISSIONED, enrollment::decommissioned);
    }

    @Incoming("hosts")
    @Blocking
    public void onHostEvent(CloudEvent event) {
        idempotent.handle("api-gateway", event, routes);
    }
}
