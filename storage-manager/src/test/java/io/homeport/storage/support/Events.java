package io.homeport.storage.support;

import io.cloudevents.CloudEvent;
import io.homeport.events.EventCodec;
import io.homeport.events.EventType;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Events as other services would publish them, and the payloads of one type among records read. */
public final class Events {

    public static <T> CloudEvent from(String service, EventType<T> type, String subject, T payload) {
        return EventCodec.create(type, URI.create("/homeport/" + service), subject, payload, Clock.systemUTC());
    }

    public static <T> List<T> payloads(List<ConsumerRecord<String, CloudEvent>> records, EventType<T> type) {
        return records.stream().map(ConsumerRecord::value).filter(e -> e.getType().equals(type.type()))
                .map(e -> EventCodec.payload(e, type)).toList();
    }

    private Events() {
    }
}
