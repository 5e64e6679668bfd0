package io.homeport.storage.volume;

import io.cloudevents.CloudEvent;
import io.homeport.events.EventTypes;
import io.homeport.platform.inbox.EventRoutes;
import io.homeport.platform.inbox.IdempotentConsumer;
import io.homeport.storage.config.StorageConfig;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The deployer's volume requests; each is answered once, whatever Kafka redelivers. */
@ApplicationScoped
public class VolumeEventsConsumer {

    private final IdempotentConsumer idempotent;
    private final String consumerName;
    private final EventRoutes routes;

    VolumeEventsConsumer(IdempotentConsumer idempotent, Volumes volumes, StorageConfig config) {
        this.idempotent = idempotent;
        this.consumerName = config.consumerName();
        this.routes = EventRoutes.on(EventTypes.VOLUME_REQUESTED, volumes::requested);
    }

    @Incoming("storage")
    @Blocking
    public void onStorageEvent(CloudEvent event) {
        idempotent.handle(consumerName, event, routes);
    }
}
