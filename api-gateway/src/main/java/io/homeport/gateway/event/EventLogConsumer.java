package io.homeport.gateway.event;

import io.cloudevents.CloudEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the event log from the user-facing topics (not the agents' reports, desired states or commands). One channel
 * and consumer group per topic ({@code api-gateway-event-log-<topic>}), shared by every gateway replica: each event
 * is appended by one of them, and a redelivered one is dropped by its id. Appends are serialized anyway
 * ({@link EventLog}), so one method takes all six channels.
 */
@ApplicationScoped
public class EventLogConsumer {

    private final EventLog log;

    EventLogConsumer(EventLog log) {
        this.log = log;
    }

    @Incoming("event-log-hosts")
    @Incoming("event-log-apps")
    @Incoming("event-log-deployments")
    @Incoming("event-log-storage")
    @Incoming("event-log-tunnels")
    @Incoming("event-log-alerts")
    @Blocking
    public void onEvent(CloudEvent event) {
        log.append(event);
    }
}
