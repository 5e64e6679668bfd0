package io.homeport.deployer.host;

import io.cloudevents.CloudEvent;
import io.homeport.deployer.config.DeployerConfig;
import io.homeport.deployer.failover.Failovers;
import io.homeport.events.EventTypes;
import io.homeport.platform.inbox.EventRoutes;
import io.homeport.platform.inbox.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Host events from the provisioner; each is applied once, whatever Kafka redelivers (so a redelivered host.lost
 * moves nothing twice).
 */
@ApplicationScoped
public class HostEventsConsumer {

    private final IdempotentConsumer idempotent;
    private final String consumerName;
    private final EventRoutes routes;

    HostEventsConsumer(IdempotentConsumer idempotent, PlacementHosts hosts, Failovers failovers,
            DeployerConfig config) {
        this.idempotent = idempotent;
        this.consumerName = config.consumerName();
        this.routes = EventRoutes.on(EventTypes.HOST_REGISTERED, hosts::registered)
                .and(EventTypes.HOST_ADOPTED, hosts::adopted)
                .and(EventTypes.HOST_LOST, failovers::hostLost)
                .and(EventTypes.HOST_ONLINE, failovers::hostOnline)
                .and(EventTypes.HOST_REPLACED, failovers::hostReplaced);
    }

    @Incoming("hosts")
    @Blocking
    public void onHostEvent(CloudEvent event) {
        idempotent.handle(consumerName, event, routes);
    }
}
