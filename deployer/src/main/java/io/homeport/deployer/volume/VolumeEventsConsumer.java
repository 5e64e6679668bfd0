package io.homeport.deployer.volume;

import io.cloudevents.CloudEvent;
import io.homeport.deployer.app.DesiredStatePublisher;
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
 * The storage-manager's answers, each in one transaction with the record that the event was processed: a lease granted
 * to the host a volume was requested for releases the deployments waiting for it; a lease that moved away from a host
 * still running the app gives that host a desired state without it, so its agent stops using the volume.
 */
@ApplicationScoped
public class VolumeEventsConsumer {

    private final IdempotentConsumer idempotent;
    private final String consumerName;
    private final EventRoutes routes;

    VolumeEventsConsumer(IdempotentConsumer idempotent, Volumes volumes, DeploymentQueue queue,
            DesiredStatePublisher desired, DeployerConfig config) {
        this.idempotent = idempotent;
        this.consumerName = config.consumerName();
        this.routes = EventRoutes.on(EventTypes.VOLUME_READY, (VolumeReady ready) -> {
            LeaseGrant grant = volumes.grant(ready);
            if (grant.answersRequest()) {
                queue.volumeReady(ready.app(), ready.volume());
            }
            // after the queue: a deployment it started moved the app off those hosts and republished them already
            grant.previousHolders().forEach(host -> desired.republishWhereRunning(ready.app(), host));
        });
    }

    @Incoming("storage")
    @Blocking
    public void onStorageEvent(CloudEvent event) {
        idempotent.handle(consumerName, event, routes);
    }
}
