package io.homeport.storage.volume;

import static io.homeport.testkit.ServiceCalls.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.cloudevents.CloudEvent;
import io.homeport.agent.protocol.HostVolume;
import io.homeport.events.EventTypes;
import io.homeport.events.Topics;
import io.homeport.events.storage.VolumeReady;
import io.homeport.events.storage.VolumeRequested;
import io.homeport.storage.support.Events;
import io.homeport.testkit.EventReader;
import io.homeport.testkit.EventWriter;
import io.homeport.testkit.InjectKafkaBroker;
import io.homeport.testkit.KafkaBroker;
import io.homeport.testkit.KafkaTestResource;
import io.homeport.testkit.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Volume leases granted over real Kafka and PostgreSQL: epochs, moves, redelivery. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class VolumeEventsConsumerTest {

    @InjectKafkaBroker
    KafkaBroker broker;

    private static CloudEvent request(String app, String volume, String mode, UUID hostId) {
        return Events.from("deployer", EventTypes.VOLUME_REQUESTED, VolumeRequested.key(app, volume),
                new VolumeRequested(app, volume, mode, hostId, Instant.now()));
    }

    @Test
    void aLeaseIsGrantedAtEpochOneKeptForItsHolderAndMovedWithAHigherEpoch() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        CloudEvent first = request("notes", "db", "local-synced", a);
        CloudEvent again = request("notes", "db", "local-synced", a);
        CloudEvent moved = request("notes", "db", "local-synced", b);
        try (EventReader storage = new EventReader(broker.bootstrapServers(), Topics.STORAGE);
                EventWriter writer = new EventWriter(broker.bootstrapServers())) {
            writer.publish(Topics.STORAGE, first);
            List<VolumeReady> answers = answers(storage, 1);
            assertThat(answers.get(0).hostId()).isEqualTo(a);
            assertThat(answers.get(0).previousHostId()).isNull();
            assertThat(answers.get(0).lease()).isEqualTo(new HostVolume("notes", "db", "local-synced",
                    "/var/lib/homeport/volumes/notes/db", "shared:synced/notes/db/current",
                    "shared:synced/notes/db/replaced", "shared:leases/notes/db", 1, 300));

            writer.publish(Topics.STORAGE, again);
            answers = answers(storage, 2);
            assertThat(answers.get(1).lease().epoch()).isEqualTo(1);
            assertThat(answers.get(1).hostId()).isEqualTo(a);
            assertThat(answers.get(1).previousHostId()).isNull();

            writer.publish(Topics.STORAGE, moved);
            answers = answers(storage, 3);
            assertThat(answers.get(2).hostId()).isEqualTo(b);
            assertThat(answers.get(2).previousHostId()).isEqualTo(a);
            assertThat(answers.get(2).lease().epoch()).isEqualTo(2);

            // redelivered requests change nothing and are not answered again
            writer.publish(Topics.STORAGE, first);
            writer.publish(Topics.STORAGE, moved);
            assertThat(readyFor(storage, "notes", "db", Duration.ofSeconds(3))).hasSize(3);
        }
        given().get("/api/v1/volumes/notes/db").then().statusCode(200)
                .body("holderHostId", equalTo(b.toString())).body("epoch", equalTo(2))
                .body("mode", equalTo("local-synced")).body("remote", equalTo("shared:synced/notes/db/current"))
                .body("backupPolicy.enabled", equalTo(true)).body("backupPolicy.intervalMinutes", equalTo(1440))
                .body("backupPolicy.keepLast", equalTo(7)).body("backupPolicy.maxAgeDays", equalTo(30));
    }

    @Test
    void aSharedVolumeLivesOnTheMountAndARequestWithABadNameIsNotGranted() {
        UUID host = UUID.randomUUID();
        try (EventReader storage = new EventReader(broker.bootstrapServers(), Topics.STORAGE);
                EventWriter writer = new EventWriter(broker.bootstrapServers())) {
            writer.publish(Topics.STORAGE, request("wiki", "../etc", "shared", host));
            writer.publish(Topics.STORAGE, request("wiki", "files", "shared", host));
            storage.readUntil(e -> e.getType().equals(EventTypes.VOLUME_READY.type())
                    && "wiki/files".equals(e.getSubject()), Duration.ofSeconds(30));
            VolumeReady ready = readyFor(storage, "wiki", "files", Duration.ZERO).get(0);
            assertThat(ready.lease().path()).isEqualTo("/mnt/homeport/apps/wiki/files");
            assertThat(ready.lease().remote()).isEqualTo("shared:apps/wiki/files");
            assertThat(ready.lease().fence()).isEqualTo("shared:leases/wiki/files");
            assertThat(Events.payloads(storage.readFor(Duration.ofSeconds(1)), EventTypes.VOLUME_READY))
                    .noneMatch(r -> r.volume().contains(".."));
        }
        given().get("/api/v1/volumes/wiki/..%2Fetc").then().statusCode(404);
    }

    private static List<VolumeReady> answers(EventReader storage, int count) {
        List<VolumeReady> answers = readyFor(storage, "notes", "db", Duration.ZERO);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (answers.size() < count && System.nanoTime() < deadline) {
            answers = readyFor(storage, "notes", "db", Duration.ofMillis(200));
        }
        assertThat(answers).hasSize(count);
        return answers;
    }

    private static List<VolumeReady> readyFor(EventReader storage, String app, String volume, Duration wait) {
        return Events.payloads(wait.isZero() ? storage.readFor(Duration.ofMillis(1)) : storage.readFor(wait),
                EventTypes.VOLUME_READY).stream().filter(r -> r.app().equals(app) && r.volume().equals(volume))
                .toList();
    }
}
