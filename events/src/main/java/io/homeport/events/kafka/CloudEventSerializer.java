package io.homeport.events.kafka;

import io.cloudevents.CloudEvent;
import io.homeport.events.EventCodec;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/** Writes a CloudEvent in structured JSON mode and marks the record with its content type. */
public class CloudEventSerializer implements Serializer<CloudEvent> {

    public static final String CONTENT_TYPE_HEADER = "content-type";

    @Override
    public byte[] serialize(String topic, CloudEvent event) {
        return event == null ? null : EventCodec.write(event);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, CloudEvent event) {
        headers.remove(CONTENT_TYPE_HEADER);
        headers.add(CONTENT_TYPE_HEADER, EventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        return serialize(topic, event);
    }
}
