package io.homeport.gateway.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.homeport.api.events.EventView;
import io.homeport.events.EventCodec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

/**
 * One row of the event log.
 *
 * @param data the event's data as JSON text, or null when it had none
 */
public record LoggedEvent(long seq, String id, String type, String subject, String source, OffsetDateTime time,
        String data) {

    /** The CloudEvent again, as it was received (structured JSON mode). */
    public CloudEvent cloudEvent() {
        CloudEventBuilder builder = CloudEventBuilder.v1().withId(id).withType(type).withSource(URI.create(source))
                .withTime(time);
        if (subject != null) {
            builder.withSubject(subject);
        }
        if (data != null) {
            builder.withDataContentType("application/json").withData(data.getBytes(StandardCharsets.UTF_8));
        }
        return builder.build();
    }

    public byte[] cloudEventJson() {
        return EventCodec.write(cloudEvent());
    }

    public EventView view(ObjectMapper json) {
        try {
            return new EventView(seq, id, type, source, subject, time, data == null ? null : json.readTree(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + id + " holds data that is not JSON", e);
        }
    }
}
