package io.homeport.platform.inbox;

import io.cloudevents.CloudEvent;
import io.homeport.events.EventCodec;
import io.homeport.events.EventType;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Which handler takes which event type, with the payload already typed. Types without a route are passed over:
 * a consumer subscribes to a whole topic and only cares about some of what travels on it.
 */
public final class EventRoutes implements Consumer<CloudEvent> {

    private final Map<String, Consumer<CloudEvent>> routes = new HashMap<>();

    private EventRoutes() {
    }

    public static <T> EventRoutes on(EventType<T> type, Consumer<T> handler) {
        return new EventRoutes().and(type, handler);
    }

    public <T> EventRoutes and(EventType<T> type, Consumer<T> handler) {
        routes.put(type.type(), event -> handler.accept(EventCodec.payload(event, type)));
        return this;
    }

    @Override
    public void accept(CloudEvent event) {
        routes.getOrDefault(event.getType(), ignored -> { }).accept(event);
    }
}
