package io.homeport.testkit;

import io.cloudevents.CloudEvent;
import io.homeport.events.EventCodec;
import io.homeport.events.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from the beginning with a throw-away consumer group, for assertions on what was published.
 * Records that are not CloudEvents (tests put some there on purpose) are passed over.
 */
public final class EventReader implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, CloudEvent>> seen = new ArrayList<>();

    public EventReader(String bootstrapServers, Topic topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic.name()));
    }

    /** Every record read so far plus whatever arrives within {@code wait}. */
    public List<ConsumerRecord<String, CloudEvent>> readFor(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            poll();
        }
        return List.copyOf(seen);
    }

    /** Reads until a record matches or {@code timeout} passes; every record read stays available. */
    public List<ConsumerRecord<String, CloudEvent>> readUntil(Predicate<CloudEvent> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && seen.stream().noneMatch(r -> wanted.test(r.value()))) {
            poll();
        }
        return List.copyOf(seen);
    }

    private void poll() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
            try {
                CloudEvent event = EventCodec.read(record.value());
                seen.add(new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.key(), event));
            } catch (RuntimeException notAnEvent) {
                // not a CloudEvent: nothing to assert on
            }
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
