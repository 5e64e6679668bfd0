package io.homeport.gateway.alert;

import io.cloudevents.CloudEvent;
import io.homeport.platform.inbox.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Host and storage events for the alert rules, each topic in a consumer group of its own. An event a rule cares about
 * is claimed in the inbox with its effect, so a redelivered one raises nothing twice; the rest pass by unclaimed.
 */
@ApplicationScoped
public class AlertEventsConsumer {

    static final String HOSTS = "api-gateway-alerts-hosts";
    static final String STORAGE = "api-gateway-alerts-storage";

    private final IdempotentConsumer idempotent;
    private final EventAlerts alerts;

    AlertEventsConsumer(IdempotentConsumer idempotent, EventAlerts alerts) {
        this.idempotent = idempotent;
        this.alerts = alerts;
    }

    @Incoming("alerts-hosts")
    @Blocking
    public void onHostEvent(CloudEvent event) {
        apply(HOSTS, event);
    }

    @Incoming("alerts-storage")
    @Blocking
    public void onStorageEvent(CloudEvent event) {
        apply(STORAGE, event);
    }

    private void apply(String consumer, CloudEvent event) {
        if (event == null || alerts.handles(event.getType())) {
            idempotent.handle(consumer, event, alerts::apply);
        }
    }
}
