package io.homeport.testkit;

import io.cloudevents.CloudEvent;
import io.homeport.events.Topic;
import io.homeport.events.kafka.CloudEventSerializer;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Puts events (or anything else) on a topic the way a producing service would, keyed by the event's subject. */
public final class EventWriter implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final CloudEventSerializer serializer = new CloudEventSerializer();

    public EventWriter(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** Publishes and waits for the broker's acknowledgement. */
    public void publish(Topic topic, CloudEvent event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic.name(), event.getSubject(), null);
        byte[] value = serializer.serialize(topic.name(), record.headers(), event);
        send(new ProducerRecord<>(topic.name(), null, event.getSubject(), value, record.headers()));
    }

    /** Publishes bytes that are no CloudEvent, as a faulty or foreign producer might. */
    public void publishRaw(Topic topic, String key, String value) {
        send(new ProducerRecord<>(topic.name(), key, value.getBytes(StandardCharsets.UTF_8)));
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish to " + record.topic(), e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
