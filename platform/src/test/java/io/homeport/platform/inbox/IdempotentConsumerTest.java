package io.homeport.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.homeport.events.EventCodec;
import io.homeport.events.EventTypes;
import io.homeport.events.Topics;
import io.homeport.events.host.HostRegistered;
import io.homeport.events.kafka.CloudEventSerializer;
import io.homeport.platform.sample.SampleEffects;
import io.homeport.testkit.InjectKafkaBroker;
import io.homeport.testkit.KafkaBroker;
import io.homeport.testkit.KafkaTestResource;
import io.homeport.testkit.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class IdempotentConsumerTest {

    @InjectKafkaBroker
    KafkaBroker broker;

    @Inject
    SampleEffects effects;

    @Test
    void theSameEventDeliveredTwiceHasOneEffect() throws Exception {
        CloudEvent duplicated = hostRegistered();
        CloudEvent marker = hostRegistered();

        try (KafkaProducer<String, CloudEvent> producer = producer()) {
            producer.send(record(duplicated)).get();
            producer.send(record(duplicated)).get();
            producer.send(record(marker)).get(); // same key, so consumed after both copies
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> effects.applied(marker.getId()) == 1);
        assertThat(effects.applied(duplicated.getId())).as("effects of the event delivered twice").isEqualTo(1);
    }

    @Test
    void aRecordThatIsNoCloudEventIsSkippedAndConsumptionGoesOn() throws Exception {
        CloudEvent after = hostRegistered();
        Properties props = producerProperties();
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(Topics.HOSTS.name(), after.getSubject(), "not an event".getBytes())).get();
        }
        try (KafkaProducer<String, CloudEvent> producer = producer()) {
            producer.send(record(after)).get();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> effects.applied(after.getId()) == 1);
    }

    private static CloudEvent hostRegistered() {
        UUID id = UUID.randomUUID();
        return EventCodec.create(EventTypes.HOST_REGISTERED, URI.create("/homeport/test"), "same-key",
                new HostRegistered(id, "h-" + id, "192.0.2.7", 22, Map.of(), Instant.now()), Clock.systemUTC());
    }

    private static ProducerRecord<String, CloudEvent> record(CloudEvent event) {
        return new ProducerRecord<>(Topics.HOSTS.name(), event.getSubject(), event);
    }

    private KafkaProducer<String, CloudEvent> producer() {
        return new KafkaProducer<>(producerProperties(), new StringSerializer(), new CloudEventSerializer());
    }

    private Properties producerProperties() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        return props;
    }
}
