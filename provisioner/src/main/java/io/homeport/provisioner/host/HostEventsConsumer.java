package io.homeport.provisioner.host;

import io.cloudevents.CloudEvent;
import io.homeport.events.EventTypes;
import io.homeport.platform.inbox.EventRoutes;
import io.homeport.platform.inbox.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Hosts adopted through the gateway's agent hub join the inventory; each event is applied once. */
@ApplicationScoped
public class HostEventsConsumer {

    private final IdempotentConsumer idempotent;
    private final EventRoutes routes;

    HostEventsConsumer(IdempotentConsumer idempotent, HostService hosts) {
        this.idempotent = idempotent;
        this.routes = EventRoutes.on(EventTypes.HOST_ADOPTED, hosts::adopt);
    }

    @Incoming("hosts")
    @Blocking
    public void onHostEvent(CloudEvent event) {
        idempotent.handle("provisioner", event, routes);
    }
}
