package io.homeport.storage.mount;

import io.cloudevents.CloudEvent;
import io.homeport.events.EventTypes;
import io.homeport.platform.inbox.EventRoutes;
import io.homeport.platform.inbox.IdempotentConsumer;
import io.homeport.storage.config.StorageConfig;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Host events from the provisioner; each is applied once, whatever Kafka redelivers. */
@ApplicationScoped
public class HostEventsConsumer {

    private final IdempotentConsumer idempotent;
    private final String consumerName;
    private final EventRoutes routes;

    HostEventsConsumer(IdempotentConsumer idempotent, HostMounts mounts, StorageConfig config) {
        this.idempotent = idempotent;
        this.consumerName = config.consumerName();
        this.routes = EventRoutes.on(EventTypes.HOST_REGISTERED, mounts::hostRegistered);
    }

    @Incoming("hosts")
    @Blocking
    public void onHostEvent(CloudEvent event) {
        idempotent.handle(consumerName, event, routes);
    }
}
