package io.homeport.tunnel.messaging;

import io.cloudevents.CloudEvent;
import io.homeport.events.EventTypes;
import io.homeport.platform.inbox.EventRoutes;
import io.homeport.platform.inbox.IdempotentConsumer;
import io.homeport.tunnel.tunnel.HostTunnels;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The inventory's hosts: each gets a tunnel record under its name (once per event: inbox). */
@ApplicationScoped
public class HostEventsConsumer {

    private static final String CONSUMER = "tunnel-manager";

    private final IdempotentConsumer idempotent;
    private final EventRoutes routes;

    HostEventsConsumer(IdempotentConsumer idempotent, HostTunnels tunnels) {
        this.idempotent = idempotent;
        this.routes = EventRoutes.on(EventTypes.HOST_REGISTERED, registered -> tunnels.known(registered.hostId(),
                registered.name()))
                .and(EventTypes.HOST_ADOPTED, adopted -> tunnels.known(adopted.hostId(), adopted.hostname()));
    }

    @Incoming("hosts")
    @Blocking
    public void onHostEvent(CloudEvent event) {
        idempotent.handle(CONSUMER, event, routes);
    }
}
