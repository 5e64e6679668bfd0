package io.homeport.gateway.event;

import io.cloudevents.CloudEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the event log from the user-facing topics (not the agents' reports, desired states or commands). One channel
 * and consumer group per topic ({@code api-gateway-event-log-<topic>}), shared by every gateway replica: each event
 * is appended by one of them, and a redelivered one is dropped by its id.
 */
@ApplicationScoped
public class EventLogConsumer {

    private final EventLog log;

    EventLogConsumer(EventLog log) {
        this.log = log;
    }

    @Incoming("event-log-hosts")
    @Blocking
    public void onHostEvent(CloudEvent event) {
        log.append(event);
    }

    @Incoming("event-log-apps")
    @Blocking
    public void onAppEvent(CloudEvent event) {
        log.append(event);
    }

    @Incoming("event-log-deployments")
    @Blocking
    public void onDeploymentEvent(CloudEvent event) {
        log.append(event);
    }

    @Incoming("event-log-storage")
    @Blocking
    public void onStorageEvent(CloudEvent event) {
        log.append(event);
    }

    @Incoming("event-log-tunnels")
    @Blocking
    public void onTunnelEvent(CloudEvent event) {
        log.append(event);
    }

    @Incoming("event-log-alerts")
    @Blocking
    public void onAlert(CloudEvent event) {
        log.append(event);
    }
}
