package io.homeport.gateway.event;

import io.cloudevents.CloudEvent;
import io.homeport.events.EventCodec;
import io.homeport.events.EventType;
import java.net.URI;
import java.time.Clock;

/** Events as the services behind the gateway publish them. */
public final class TestEvents {

    private TestEvents() {
    }

    public static <T> CloudEvent event(EventType<T> type, String subject, T payload) {
        return EventCodec.create(type, URI.create("/homeport/test"), subject, payload, Clock.systemUTC());
    }
}
