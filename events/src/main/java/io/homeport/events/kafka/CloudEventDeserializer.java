package io.homeport.events.kafka;

import io.cloudevents.CloudEvent;
import io.homeport.events.EventCodec;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a structured-mode CloudEvent from a Kafka record value. A record that is not one fails deserialization;
 * SmallRye channels route such records to their failure strategy instead of the consumer method.
 */
public class CloudEventDeserializer implements Deserializer<CloudEvent> {

    @Override
    public CloudEvent deserialize(String topic, byte[] data) {
        return data == null ? null : EventCodec.read(data);
    }
}
