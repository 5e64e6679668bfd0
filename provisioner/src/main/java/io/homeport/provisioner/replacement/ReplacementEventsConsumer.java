package io.homeport.provisioner.replacement;

import io.cloudevents.CloudEvent;
import io.homeport.events.EventTypes;
import io.homeport.platform.inbox.EventRoutes;
import io.homeport.platform.inbox.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** What the deployer, storage-manager and tunnel-manager say of moving apps, for replacement runs; each event once. */
@ApplicationScoped
public class ReplacementEventsConsumer {

    private static final String CONSUMER = "provisioner-replacements";

    private final IdempotentConsumer idempotent;
    private final EventRoutes routes;

    ReplacementEventsConsumer(IdempotentConsumer idempotent, ReplacementProgress progress) {
        this.idempotent = idempotent;
        this.routes = EventRoutes.on(EventTypes.HOST_EVACUATION_STARTED, progress::evacuationStarted)
                .and(EventTypes.APP_FAILOVER_STARTED, progress::failoverStarted)
                .and(EventTypes.APP_FAILOVER_STRANDED, progress::stranded)
                .and(EventTypes.APP_MOVED, progress::moved)
                .and(EventTypes.VOLUME_REQUESTED, progress::volumeRequested)
                .and(EventTypes.VOLUME_READY, progress::volumeReady)
                .and(EventTypes.ROUTE_EXPOSED, progress::routeExposed)
                .and(EventTypes.ROUTE_REMOVED, progress::routeRemoved);
    }

    @Incoming("replacement-deployments")
    @Blocking
    public void onDeploymentEvent(CloudEvent event) {
        idempotent.handle(CONSUMER, event, routes);
    }

    @Incoming("replacement-storage")
    @Blocking
    public void onStorageEvent(CloudEvent event) {
        idempotent.handle(CONSUMER, event, routes);
    }

    @Incoming("replacement-tunnels")
    @Blocking
    public void onTunnelEvent(CloudEvent event) {
        idempotent.handle(CONSUMER, event, routes);
    }
}
