package io.homeport.storage.mount;

import static io.homeport.testkit.ServiceCalls.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.cloudevents.CloudEvent;
import io.homeport.agent.protocol.MountHealth;
import io.homeport.agent.protocol.VolumeState;
import io.homeport.events.EventCodec;
import io.homeport.events.EventTypes;
import io.homeport.events.Topics;
import io.homeport.events.agent.AgentReported;
import io.homeport.events.storage.VolumeReady;
import io.homeport.events.storage.VolumeRequested;
import io.homeport.storage.support.Events;
import io.homeport.testkit.EventReader;
import io.homeport.testkit.EventWriter;
import io.homeport.testkit.InjectKafkaBroker;
import io.homeport.testkit.KafkaBroker;
import io.homeport.testkit.KafkaTestResource;
import io.homeport.testkit.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Mount health and volume syncs from agents' full reports, over real Kafka and PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class MountHealthTest {

    @InjectKafkaBroker
    KafkaBroker broker;

    @Inject
    EntityManager entities;

    private static final Instant START = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private static CloudEvent report(UUID hostId, int second, boolean healthy, List<VolumeState> volumes) {
        Instant at = START.plusSeconds(second);
        MountHealth mount = new MountHealth("/mnt/homeport", healthy, healthy ? 0L : 12L, 0L, healthy ? 0L : 3L,
                healthy ? null : "canary round trip failed: input/output error", at);
        return Events.from("api-gateway", EventTypes.AGENT_REPORTED, hostId.toString(),
                new AgentReported(hostId, true, List.of(), at, List.of(mount), volumes));
    }

    @Test
    void onlyTransitionsAreEmittedOnceEachAndUnchangedReportsWriteNothing() {
        UUID hostId = UUID.randomUUID();
        List<CloudEvent> reports = List.of(report(hostId, 0, true, List.of()), report(hostId, 1, true, List.of()),
                report(hostId, 2, false, List.of()), report(hostId, 3, false, List.of()),
                report(hostId, 4, true, List.of()));
        try (EventReader storage = new EventReader(broker.bootstrapServers(), Topics.STORAGE);
                EventWriter writer = new EventWriter(broker.bootstrapServers())) {
            reports.forEach(report -> writer.publish(Topics.AGENT_REPORTS, report));
            reports.forEach(report -> writer.publish(Topics.AGENT_REPORTS, report)); // redelivered

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                    .get("/api/v1/storage/mounts/" + hostId).then().statusCode(200)
                    .body("state", equalTo("HEALTHY")).body("stateSince", equalTo(START.plusSeconds(4).toString())));
            List<String> transitions = storage.readFor(Duration.ofSeconds(3)).stream().map(r -> r.value())
                    .filter(e -> hostId.toString().equals(e.getSubject())).map(CloudEvent::getType).toList();
            assertThat(transitions).containsExactly(EventTypes.STORAGE_MOUNT_HEALTHY.type(),
                    EventTypes.STORAGE_MOUNT_DEGRADED.type(), EventTypes.STORAGE_MOUNT_HEALTHY.type());
            assertThat(Events.payloads(storage.readFor(Duration.ZERO.plusMillis(1)),
                    EventTypes.STORAGE_MOUNT_DEGRADED)).filteredOn(d -> d.hostId().equals(hostId))
                    .singleElement().satisfies(degraded -> {
                        assertThat(degraded.reason()).contains("canary round trip failed");
                        assertThat(degraded.uploadsQueued()).isEqualTo(12L);
                        assertThat(degraded.errors()).isEqualTo(3L);
                    });
        }
        // three transitions claimed in the inbox; the seven reports that changed nothing left no row
        assertThat(processed(reports)).isEqualTo(3);
    }

    @Test
    void theHolderReportsItsLastSyncOthersAndStaleEpochsAreNotTaken() {
        UUID holder = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        Instant synced = START.plusSeconds(30);
        try (EventWriter writer = new EventWriter(broker.bootstrapServers())) {
            writer.publish(Topics.STORAGE, Events.from("deployer", EventTypes.VOLUME_REQUESTED,
                    VolumeRequested.key("ledger", "db"), new VolumeRequested("ledger", "db", "local-synced", holder,
                            Instant.now())));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/volumes/ledger/db")
                    .then().statusCode(200).body("holderHostId", equalTo(holder.toString())));

            writer.publish(Topics.AGENT_REPORTS, report(other, 0, true, List.of(new VolumeState("ledger", "db", 1,
                    VolumeState.Lease.HELD, 1L, synced.plusSeconds(60), false, "not mine", false))));
            writer.publish(Topics.AGENT_REPORTS, report(holder, 0, true, List.of(new VolumeState("ledger", "db", 0,
                    VolumeState.Lease.HELD, 0L, synced.plusSeconds(90), false, "stale epoch", false))));
            writer.publish(Topics.AGENT_REPORTS, report(holder, 1, true, List.of(new VolumeState("ledger", "db", 1,
                    VolumeState.Lease.HELD, 1L, synced, true, null, true))));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/volumes/ledger/db")
                .then().body("lastSyncAt", equalTo(synced.toString())).body("lastSyncSucceeded", equalTo(true)));

        // the lease moves: the grant names the synced copy the new holder restores, the last one reported
        UUID next = UUID.randomUUID();
        try (EventReader storage = new EventReader(broker.bootstrapServers(), Topics.STORAGE);
                EventWriter writer = new EventWriter(broker.bootstrapServers())) {
            writer.publish(Topics.STORAGE, Events.from("deployer", EventTypes.VOLUME_REQUESTED,
                    VolumeRequested.key("ledger", "db"), new VolumeRequested("ledger", "db", "local-synced", next,
                            Instant.now())));
            VolumeReady moved = Events.payloads(storage.readUntil(e -> e.getType().equals(EventTypes.VOLUME_READY
                    .type()) && EventCodec.payload(e, EventTypes.VOLUME_READY).hostId().equals(next),
                    Duration.ofSeconds(30)), EventTypes.VOLUME_READY).stream()
                    .filter(ready -> ready.hostId().equals(next)).findFirst().orElseThrow();
            assertThat(moved.previousHostId()).isEqualTo(holder);
            assertThat(moved.previousSyncAt()).isEqualTo(synced);
        }
    }

    private long processed(List<CloudEvent> reports) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entities.createNativeQuery(
                "SELECT count(*) FROM processed_event WHERE event_id IN (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, reports.get(0).getId()).setParameter(2, reports.get(1).getId())
                .setParameter(3, reports.get(2).getId()).setParameter(4, reports.get(3).getId())
                .setParameter(5, reports.get(4).getId()).getSingleResult()).longValue());
    }
}
