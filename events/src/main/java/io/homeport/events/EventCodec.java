package io.homeport.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Builds, writes and reads CloudEvents 1.0 in structured JSON mode (the CloudEvents Java SDK does the envelope,
 * Jackson the payload).
 */
public final class EventCodec {

    /** Content type of a structured-mode event, also set as the Kafka {@code content-type} header. */
    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;

    private static final JsonFormat FORMAT = new JsonFormat();
    private static final JsonFactory JSON = new JsonFactory();

    private EventCodec() {
    }

    /**
     * A new event with a fresh id.
     *
     * @param source  the emitting service, e.g. {@code /homeport/provisioner}
     * @param subject the aggregate id; also the Kafka key
     */
    public static <T> CloudEvent create(EventType<T> type, URI source, String subject, T payload, Clock clock) {
        try {
            return CloudEventBuilder.v1()
                    .withId(UUID.randomUUID().toString())
                    .withSource(source)
                    .withType(type.type())
                    .withSubject(subject)
                    .withTime(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                    .withDataContentType("application/json")
                    .withData(EventJson.MAPPER.writeValueAsBytes(payload))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize " + type.type() + " payload", e);
        }
    }

    public static byte[] write(CloudEvent event) {
        return FORMAT.serialize(event);
    }

    /** @throws io.cloudevents.rw.CloudEventRWException when the bytes are not a structured CloudEvent */
    public static CloudEvent read(byte[] bytes) {
        return FORMAT.deserialize(bytes);
    }

    /**
     * The {@code type} of a structured CloudEvent, read without building the event: a consumer that wants a few
     * types of a busy topic passes over the others (large agent reports) cheaply. Events written here carry
     * {@code type} before {@code data}, so only the head of the record is parsed.
     *
     * @return the type, or {@code null} when the bytes are not a JSON object with a string {@code type}
     */
    public static String typeOf(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try (JsonParser parser = JSON.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("type".equals(field)) {
                    return value == JsonToken.VALUE_STRING ? parser.getText() : null;
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException notJson) {
            return null;
        }
    }

    /** The typed payload of an event of the given type. */
    public static <T> T payload(CloudEvent event, EventType<T> type) {
        if (!type.type().equals(event.getType())) {
            throw new IllegalArgumentException("expected " + type.type() + " but the event is " + event.getType());
        }
        if (event.getData() == null) {
            throw new IllegalArgumentException("event " + event.getId() + " has no data");
        }
        try {
            return EventJson.MAPPER.readValue(event.getData().toBytes(), type.payloadType());
        } catch (IOException e) {
            throw new IllegalArgumentException("event " + event.getId() + " does not hold a " + type.type(), e);
        }
    }
}
