package io.homeport.storage.volume;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.homeport.events.EventCodec;
import io.homeport.events.EventTypes;
import io.homeport.events.Topics;
import io.homeport.events.storage.VolumeReady;
import io.homeport.events.storage.VolumeRequested;
import io.homeport.testkit.EventReader;
import io.homeport.testkit.EventWriter;
import io.homeport.testkit.InjectKafkaBroker;
import io.homeport.testkit.KafkaBroker;
import io.homeport.testkit.KafkaTestResource;
import io.homeport.testkit.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The deployer's volume requests, answered over real Kafka and PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class VolumeEventsConsumerTest {

    @InjectKafkaBroker
    KafkaBroker broker;

    @Test
    void aRequestedVolumeIsRecordedAndReportedReadyOnceHoweverOftenTheRequestArrives() {
        CloudEvent request = EventCodec.create(EventTypes.VOLUME_REQUESTED, URI.create("/homeport/deployer"),
                VolumeRequested.key("notes", "data"), new VolumeRequested("notes", "data", "local-synced", null,
                        Instant.now()), Clock.systemUTC());
        try (EventReader storage = new EventReader(broker.bootstrapServers(), Topics.STORAGE);
                EventWriter writer = new EventWriter(broker.bootstrapServers())) {
            writer.publish(Topics.STORAGE, request);
            writer.publish(Topics.STORAGE, request); // redelivered

            storage.readUntil(e -> e.getType().equals(EventTypes.VOLUME_READY.type()), Duration.ofSeconds(30));
            List<VolumeReady> answers = storage.readFor(Duration.ofSeconds(2)).stream().map(r -> r.value())
                    .filter(e -> e.getType().equals(EventTypes.VOLUME_READY.type()))
                    .map(e -> EventCodec.payload(e, EventTypes.VOLUME_READY)).toList();
            assertThat(answers).singleElement().satisfies(ready -> {
                assertThat(ready.app()).isEqualTo("notes");
                assertThat(ready.volume()).isEqualTo("data");
                assertThat(ready.mode()).isEqualTo("local-synced");
            });
        }
        Volume stored = QuarkusTransaction.requiringNew().call(() -> Volume.findById(new Volume.Key("notes", "data")));
        assertThat(stored.readyAt).isNotNull();
        assertThat(stored.mode).isEqualTo("local-synced");
    }
}
