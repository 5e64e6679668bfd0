package io.homeport.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.homeport.events.EventCodec;
import io.homeport.events.EventTypes;
import io.homeport.events.Topics;
import io.homeport.platform.sample.SampleHosts;
import io.homeport.testkit.EventReader;
import io.homeport.testkit.InjectKafkaBroker;
import io.homeport.testkit.KafkaBroker;
import io.homeport.testkit.KafkaTestResource;
import io.homeport.testkit.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class OutboxTest {

    @InjectKafkaBroker
    KafkaBroker broker;

    @Inject
    SampleHosts hosts;

    @Inject
    DataSource dataSource;

    @Test
    void anEventCommittedWhileTheBrokerIsDownArrivesAfterItReturns() throws Exception {
        broker.stop();
        String eventId;
        UUID id = UUID.randomUUID();
        try {
            eventId = hosts.register(id, "while-kafka-is-down");
            assertThat(hosts.count(id)).as("the state change committed without Kafka").isEqualTo(1);
            Thread.sleep(2_000); // the relay tries and fails meanwhile
            assertThat(unsent(eventId)).as("the event waits in the outbox").isTrue();
        } finally {
            broker.start();
        }

        try (EventReader reader = new EventReader(broker.bootstrapServers(), Topics.HOSTS)) {
            List<ConsumerRecord<String, CloudEvent>> records =
                    reader.readUntil(e -> e.getId().equals(eventId), Duration.ofSeconds(60));
            ConsumerRecord<String, CloudEvent> record = records.stream()
                    .filter(r -> r.value().getId().equals(eventId)).findFirst().orElseThrow(
                            () -> new AssertionError("event " + eventId + " never reached Kafka"));
            assertThat(record.key()).isEqualTo(id.toString());
            assertThat(record.value().getSubject()).isEqualTo(id.toString());
            assertThat(EventCodec.payload(record.value(), EventTypes.HOST_REGISTERED).name())
                    .isEqualTo("while-kafka-is-down");
        }
        assertThat(unsent(eventId)).as("the relay marked the row sent").isFalse();
    }

    @Test
    void eventsOfOneAggregateArriveInTheOrderTheyCommitted() {
        UUID aggregate = UUID.randomUUID();
        List<String> emitted = new ArrayList<>();
        emitted.add(hosts.register(aggregate, "ordered-0"));
        for (int i = 1; i < 25; i++) {
            emitted.add(hosts.rename(aggregate, "ordered-" + i));
        }

        try (EventReader reader = new EventReader(broker.bootstrapServers(), Topics.HOSTS)) {
            String last = emitted.get(emitted.size() - 1);
            List<String> seen = reader.readUntil(e -> e.getId().equals(last), Duration.ofSeconds(30)).stream()
                    .filter(r -> r.key().equals(aggregate.toString()))
                    .map(r -> r.value().getId()).distinct().toList();
            assertThat(seen).containsExactlyElementsOf(emitted);
        }
    }

    @Test
    void aRolledBackChangeEmitsNothing() throws Exception {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> hosts.registerThenFail(id, "rolled-back"))
                .hasMessageContaining("failing on purpose");

        assertThat(hosts.count(id)).isZero();
        try (var connection = dataSource.getConnection();
                var query = connection.prepareStatement("SELECT count(*) FROM outbox_event WHERE message_key = ?")) {
            query.setString(1, id.toString());
            try (var result = query.executeQuery()) {
                result.next();
                assertThat(result.getLong(1)).as("outbox rows of the rolled-back change").isZero();
            }
        }
        try (EventReader reader = new EventReader(broker.bootstrapServers(), Topics.HOSTS)) {
            assertThat(reader.readFor(Duration.ofSeconds(2))).noneMatch(r -> r.key().equals(id.toString()));
        }
    }

    private boolean unsent(String eventId) throws Exception {
        try (var connection = dataSource.getConnection();
                var query = connection.prepareStatement("SELECT sent_at IS NULL FROM outbox_event WHERE event_id = ?")) {
            query.setObject(1, UUID.fromString(eventId));
            try (var result = query.executeQuery()) {
                assertThat(result.next()).as("outbox row of " + eventId).isTrue();
                return result.getBoolean(1);
            }
        }
    }
}
