package io.homeport.platform.outbox;

import io.homeport.events.Topic;
import io.homeport.events.Topics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The relay's side of Kafka: an idempotent producer (acks=all, ordered retries) and, once per process, the
 * creation of any missing catalogue topic with its settings (the desired-state topic is compacted).
 */
@ApplicationScoped
class OutboxKafka {

    private final String bootstrapServers;
    private final OutboxConfig config;
    private KafkaProducer<String, byte[]> producer;
    private volatile boolean topicsReady;

    OutboxKafka(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, OutboxConfig config) {
        this.bootstrapServers = bootstrapServers;
        this.config = config;
    }

    synchronized Future<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
        return producer().send(record);
    }

    synchronized void flush() {
        producer().flush();
    }

    void ensureTopics() throws InterruptedException {
        if (topicsReady) {
            return;
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) config.relay().sendTimeout().toMillis());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) config.relay().sendTimeout().toMillis());
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(config.relay().sendTimeout().toMillis(),
                    TimeUnit.MILLISECONDS);
            List<NewTopic> missing = Topics.ALL.stream().filter(t -> !existing.contains(t.name()))
                    .map(this::newTopic).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).values().forEach((name, created) -> awaitCreated(created));
            }
            topicsReady = true;
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + " is not reachable: " + e.getMessage(), e);
        }
    }

    private NewTopic newTopic(Topic topic) {
        NewTopic created = new NewTopic(topic.name(), Optional.of(config.topicPartitions()), Optional.empty());
        return topic.compacted()
                ? created.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))
                : created;
    }

    private static void awaitCreated(org.apache.kafka.common.KafkaFuture<Void> created) {
        try {
            created.get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw new IllegalStateException("could not create topic: " + e.getCause().getMessage(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Duration timeout = config.relay().sendTimeout();
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) timeout.toMillis());
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 5000));
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis() + 5000);
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
            producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
        }
    }
}
