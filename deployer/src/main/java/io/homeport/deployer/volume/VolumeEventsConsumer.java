package io.homeport.deployer.volume;

import io.cloudevents.CloudEvent;
import io.homeport.deployer.config.DeployerConfig;
import io.homeport.deployer.rollout.DeploymentQueue;
import io.homeport.events.EventTypes;
import io.homeport.events.storage.VolumeReady;
import io.homeport.platform.inbox.EventRoutes;
import io.homeport.platform.inbox.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The storage-manager's answers: a ready volume is marked so and releases the deployments waiting for it, in one
 * transaction with the record that the event was processed.
 */
@ApplicationScoped
public class VolumeEventsConsumer {

    private final IdempotentConsumer idempotent;
    private final String consumerName;
    private final EventRoutes routes;

    VolumeEventsConsumer(IdempotentConsumer idempotent, Volumes volumes, DeploymentQueue queue,
            DeployerConfig config) {
        this.idempotent = idempotent;
        this.consumerName = config.consumerName();
        this.routes = EventRoutes.on(EventTypes.VOLUME_READY, (VolumeReady ready) -> {
            if (volumes.ready(ready)) {
                queue.volumeReady(ready.app(), ready.volume());
            }
        });
    }

    @Incoming("storage")
    @Blocking
    public void onStorageEvent(CloudEvent event) {
        idempotent.handle(consumerName, event, routes);
    }
}
