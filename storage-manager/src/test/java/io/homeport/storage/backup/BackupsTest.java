package io.homeport.storage.backup;

import static io.homeport.testkit.ServiceCalls.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.homeport.agent.protocol.Commands;
import io.homeport.agent.protocol.Frame;
import io.homeport.events.EventTypes;
import io.homeport.events.Topics;
import io.homeport.events.storage.BackupDeleted;
import io.homeport.storage.support.AgentHarness;
import io.homeport.storage.support.Events;
import io.homeport.storage.support.Leases;
import io.homeport.testkit.EventReader;
import io.homeport.testkit.InjectKafkaBroker;
import io.homeport.testkit.KafkaBroker;
import io.homeport.testkit.KafkaTestResource;
import io.homeport.testkit.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Backups as the storage-manager runs them, against an agent that answers as scripted (BackupWithAgentTest runs the same
 * flows with the real agent's command runner and real rclone).
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class BackupsTest {

    @InjectKafkaBroker
    KafkaBroker broker;

    @Inject
    EntityManager entities;

    @Inject
    Backups backups;

    private final Set<String> corrupt = ConcurrentHashMap.newKeySet();

    private Frame.Result scripted(Frame.Command command) {
        if (Commands.VERIFY_BACKUP.equals(command.kind()) && corrupt.contains(command.args().get(Commands.SOURCE))) {
            return Frame.Result.failed(command.id(), Frame.Failure.FAILED, "1 file differs from its checksum: "
                    + "notes/a.txt");
        }
        return Frame.Result.succeeded(command.id(), "done");
    }

    @Test
    void backupsCompleteAreVerifiedRestoredAndKeptByTheirPolicy() {
        UUID host = UUID.randomUUID();
        Leases.grant(broker.bootstrapServers(), "books", "db", "local-synced", host);
        String volume = "/api/v1/volumes/books/db";
        given().contentType(ContentType.JSON).body("{\"enabled\": true, \"intervalMinutes\": 60, \"keepLast\": 2, "
                + "\"maxAgeDays\": 30, \"remote\": \"nowhere\"}").put(volume + "/backup-policy").then()
                .statusCode(400).body("detail", containsString("remote names no defined remote"));
        given().contentType(ContentType.JSON).body("{\"enabled\": true, \"intervalMinutes\": 1, \"keepLast\": 0, "
                + "\"maxAgeDays\": 30}").put(volume + "/backup-policy").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"enabled\": true, \"intervalMinutes\": 60, \"keepLast\": 2, "
                + "\"maxAgeDays\": 30}").put(volume + "/backup-policy").then().statusCode(200)
                .body("backupPolicy.keepLast", equalTo(2));

        try (EventReader storage = new EventReader(broker.bootstrapServers(), Topics.STORAGE);
                AgentHarness agent = new AgentHarness(broker.bootstrapServers(), host, this::scripted)) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String id = given().post(volume + "/backups").then().statusCode(202).body("state", equalTo("RUNNING"))
                        .body("location", matchesPattern("backup:homeport-backups/books/db/"
                                + "\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\dZ(-\\d+)?"))
                        .body("hostId", equalTo(host.toString())).extract().path("id");
                ids.add(id);
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(volume + "/backups/" + id)
                        .then().body("state", equalTo("COMPLETED")));
            }
            Frame.Command first = agent.received().get(0);
            assertThat(first.kind()).isEqualTo(Commands.BACKUP);
            assertThat(first.args()).as("a local-synced volume is backed up from its synced copy")
                    .containsEntry(Commands.SOURCE, "shared:synced/books/db/current")
                    .containsEntry(Commands.CHECKSUMS, first.args().get(Commands.DESTINATION) + ".md5");

            // keepLast 2: the two oldest are deleted, once each
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(volume + "/backups").then()
                    .body("state", equalTo(List.of("COMPLETED", "COMPLETED", "DELETED", "DELETED")))
                    .body("id", equalTo(List.of(ids.get(3), ids.get(2), ids.get(1), ids.get(0)))));
            List<BackupDeleted> deleted = Events.payloads(storage.readFor(Duration.ofSeconds(2)),
                    EventTypes.BACKUP_DELETED).stream().filter(d -> d.app().equals("books")).toList();
            assertThat(deleted).extracting(d -> d.backupId().toString()).containsExactlyInAnyOrder(ids.get(0),
                    ids.get(1));
            assertThat(deleted).allSatisfy(d -> assertThat(d.reason()).contains("retention"));
            assertThat(Events.payloads(storage.readFor(Duration.ZERO.plusMillis(1)), EventTypes.BACKUP_COMPLETED))
                    .filteredOn(c -> c.app().equals("books")).hasSize(4);

            // a backup that fails its checksums is CORRUPT, named in the message and an event, and not restored
            String location = given().get(volume + "/backups/" + ids.get(2)).then().extract().path("location");
            corrupt.add(location);
            given().post(volume + "/backups/" + ids.get(2) + "/verify").then().statusCode(202);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(volume + "/backups/"
                    + ids.get(2)).then().body("state", equalTo("CORRUPT"))
                    .body("message", containsString("notes/a.txt")));
            assertThat(Events.payloads(storage.readFor(Duration.ofSeconds(1)), EventTypes.BACKUP_FAILED))
                    .anySatisfy(f -> assertThat(f.reason()).contains("verification failed").contains("notes/a.txt"));
            given().contentType(ContentType.JSON).body("{}").post(volume + "/backups/" + ids.get(2) + "/restore")
                    .then().statusCode(409).body("detail", containsString("is CORRUPT"));

            // an intact one is verified and restored, inside the volume only
            given().post(volume + "/backups/" + ids.get(3) + "/verify").then().statusCode(202);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(volume + "/backups/"
                    + ids.get(3)).then().body("verifiedAt", org.hamcrest.Matchers.notNullValue()));
            given().contentType(ContentType.JSON).body("{\"path\": \"../x\"}")
                    .post(volume + "/backups/" + ids.get(3) + "/restore").then().statusCode(400)
                    .body("detail", containsString("path must stay inside the volume"));
            String restore = given().contentType(ContentType.JSON).body("{\"path\": \"old\"}")
                    .post(volume + "/backups/" + ids.get(3) + "/restore").then().statusCode(202)
                    .body("destination", equalTo("/var/lib/homeport/volumes/books/db/old")).extract().path("id");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(volume + "/restores/" + restore)
                    .then().body("state", equalTo("COMPLETED")));
            assertThat(Events.payloads(storage.readFor(Duration.ofSeconds(1)), EventTypes.BACKUP_RESTORED))
                    .anySatisfy(r -> assertThat(r.restoreId().toString()).isEqualTo(restore));
        }
    }

    @Test
    void dueBackupsAreStartedByTheSchedulerAndOnesThatNeverAnswerFailAfterTheTimeout() {
        UUID silentHost = UUID.randomUUID();
        Leases.grant(broker.bootstrapServers(), "clock", "files", "shared", silentHost);
        QuarkusTransaction.requiringNew().run(() -> entities.createNativeQuery("UPDATE volume SET next_backup_at = "
                + "now() - interval '1 minute' WHERE app = 'clock'").executeUpdate());

        String backups = "/api/v1/volumes/clock/files/backups";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(backups).then()
                .body("state", equalTo(List.of("RUNNING"))));
        String id = given().get(backups).then().extract().path("[0].id");
        given().get("/api/v1/volumes/clock/files").then().body("backupPolicy.intervalMinutes", equalTo(1440));

        try (EventReader storage = new EventReader(broker.bootstrapServers(), Topics.STORAGE)) {
            QuarkusTransaction.requiringNew().run(() -> entities.createNativeQuery("UPDATE backup SET started_at = "
                    + "started_at - interval '7 hours' WHERE id = ?1").setParameter(1, UUID.fromString(id))
                    .executeUpdate());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(backups + "/" + id).then()
                    .body("state", equalTo("FAILED")).body("message", containsString("no answer from the agent")));
            assertThat(Events.payloads(storage.readFor(Duration.ofSeconds(1)), EventTypes.BACKUP_FAILED))
                    .anySatisfy(f -> assertThat(f.backupId().toString()).isEqualTo(id));
        }
        // once failed, the next is due only an interval later: no second backup was started
        assertThat(given().get(backups).then().extract().path("state").toString()).isEqualTo("[FAILED]");
        given().post("/api/v1/volumes/clock/nothing/backups").then().statusCode(404);
    }
}
