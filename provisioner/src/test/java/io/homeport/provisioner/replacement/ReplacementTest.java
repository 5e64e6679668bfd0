package io.homeport.provisioner.replacement;

import static io.homeport.testkit.ServiceCalls.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.homeport.agent.protocol.HostVolume;
import io.homeport.events.EventCodec;
import io.homeport.events.EventType;
import io.homeport.events.EventTypes;
import io.homeport.events.Topic;
import io.homeport.events.Topics;
import io.homeport.events.failover.AppFailoverStranded;
import io.homeport.events.failover.AppMoved;
import io.homeport.events.failover.HostEvacuationStarted;
import io.homeport.events.host.HostReplacementProgressed;
import io.homeport.events.storage.VolumeReady;
import io.homeport.events.storage.VolumeRequested;
import io.homeport.events.tunnel.RouteExposed;
import io.homeport.testkit.EventReader;
import io.homeport.testkit.EventWriter;
import io.homeport.testkit.InjectKafkaBroker;
import io.homeport.testkit.KafkaBroker;
import io.homeport.testkit.KafkaTestResource;
import io.homeport.testkit.PostgresTestResource;
import io.homeport.testkit.SshServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Replacement runs against a real broker and database: bad requests refused with nothing applied, a server that
 * cannot be provisioned failing the run in phase provision, and a run's app phases driven by the events the deployer,
 * storage-manager and tunnel-manager emit as they move the apps (played here by the test), to a per-app report.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class ReplacementTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @InjectKafkaBroker
    KafkaBroker broker;

    @Test
    void badRequestsAreRefusedWithTheReasonAndRegisterNothing() {
        String old = register("refusing-old", "192.0.2.60");
        given().contentType(ContentType.JSON).body(Map.of("address", "192.0.2.61"))
                .post("/api/v1/hosts/" + UUID.randomUUID() + "/replace").then().statusCode(404)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("address", "not an address!"))
                .post("/api/v1/hosts/" + old + "/replace").then().statusCode(400).body("errors.field",
                        hasItem("address"));
        given().contentType(ContentType.JSON).body(Map.of("name", "refusing-old", "address", "192.0.2.62"))
                .post("/api/v1/hosts/" + old + "/replace").then().statusCode(409)
                .body("detail", containsString("refusing-old"));
        given().contentType(ContentType.JSON).body(Map.of("name", "refusing-new", "address", "192.0.2.62"))
                .post("/api/v1/hosts/" + old + "/replace").then().statusCode(202);
        given().contentType(ContentType.JSON).body(Map.of("name", "refusing-newer", "address", "192.0.2.63"))
                .post("/api/v1/hosts/" + old + "/replace").then().statusCode(409)
                .body("detail", containsString("is being replaced by run"));
        given().get("/api/v1/hosts").then().statusCode(200)
                .body("findAll { it.name == 'refusing-newer' }.size()", equalTo(0));

        String gone = register("refusing-gone", "192.0.2.64");
        given().delete("/api/v1/hosts/" + gone).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("address", "192.0.2.65"))
                .post("/api/v1/hosts/" + gone + "/replace").then().statusCode(409)
                .body("detail", containsString("decommissioned"));
    }

    @Test
    void aServerThatCannotBeProvisionedFailsTheRunNamingPhaseAndCause() throws Exception {
        String old = register("unreachable-old", "192.0.2.70");
        try (EventReader events = new EventReader(broker.bootstrapServers(), Topics.HOSTS)) {
            // nothing listens on port 1 of this machine: preflight cannot reach the server
            JsonPath started = given().contentType(ContentType.JSON).body(Map.of("name", "unreachable-new",
                    "address", "127.0.0.1", "port", 1, "privateKey", SshServer.generateKeyPair().privateKeyPem()))
                    .post("/api/v1/hosts/" + old + "/replace").then().statusCode(202)
                    .header("Location", containsString("/api/v1/hosts/" + old + "/replace/"))
                    .body("state", equalTo("RUNNING")).body("phase", equalTo("provision")).extract().jsonPath();
            String runId = started.getString("id");

            JsonPath failed = await("the run fails").atMost(WAIT).until(() -> run(old, runId),
                    run -> run.getString("state").equals("FAILED"));
            assertThat(failed.getString("phase")).isEqualTo("provision");
            assertThat(failed.getString("failure")).startsWith("provision: Preflight of host unreachable-new failed");
            assertThat(failed.getList("phases.state")).containsExactly("failed", "pending", "pending", "pending",
                    "pending");
            given().get("/api/v1/hosts/" + old).then().body("state", equalTo("NEW"));
            assertThat(events.readUntil(event -> event.getType().equals(EventTypes.HOST_REPLACEMENT_PROGRESSED
                    .type()) && progress(event).state().equals("FAILED"), WAIT).stream()
                    .filter(record -> record.value().getType().equals(EventTypes.HOST_REPLACEMENT_PROGRESSED.type()))
                    .map(record -> progress(record.value()).detail()))
                    .anyMatch(detail -> detail.startsWith("provision: "));
        }
    }

    @Test
    void theAppsAreFollowedThroughEachPhaseToAReportPerApp() throws Exception {
        UUID old = UUID.fromString(register("moving-old", "192.0.2.80"));
        UUID fresh = UUID.fromString(register("moving-new", "192.0.2.81"));
        Instant syncedAt = Instant.now().minusSeconds(40).truncatedTo(ChronoUnit.MICROS);
        try (EventWriter writer = new EventWriter(broker.bootstrapServers())) {
            // before: both apps' hostnames are on the old host's tunnel
            for (String app : List.of("notes", "web")) {
                publish(writer, Topics.TUNNELS, EventTypes.ROUTE_EXPOSED, app + ".example.com", new RouteExposed(
                        app + ".example.com", "", "http://" + app + ":8080", old, "tunnel-a", null, "hp-" + app + "-0",
                        app, Instant.now()));
            }
            await("the routes are known").atMost(WAIT).until(() -> QuarkusTransaction.requiringNew()
                    .call(() -> ExposedRoute.count("hostId", old)) == 2);
            UUID runId = enrolledReplacement(old, fresh);

            Instant at = Instant.now();
            publish(writer, Topics.DEPLOYMENTS, EventTypes.HOST_EVACUATION_STARTED, old.toString(),
                    new HostEvacuationStarted(old, fresh, List.of("notes", "web"), List.of("legacy"), at));
            publish(writer, Topics.DEPLOYMENTS, EventTypes.APP_FAILOVER_STRANDED, "legacy", new AppFailoverStranded(
                    "legacy", old, "no other host can take it: moving-new: needs label gpu=true", at));
            publish(writer, Topics.STORAGE, EventTypes.VOLUME_REQUESTED, "notes/data",
                    new VolumeRequested("notes", "data", "local-synced", fresh, at));
            assertThat(run(old.toString(), runId.toString()).getString("phase")).isEqualTo("restore-data");
            publish(writer, Topics.STORAGE, EventTypes.VOLUME_READY, "notes/data", new VolumeReady("notes", "data",
                    "local-synced", fresh, old, syncedAt, new HostVolume("notes", "data", "local-synced",
                            "/var/lib/homeport/volumes/notes/data", "shared:synced/notes/data/current",
                            "shared:synced/notes/data/replaced", "shared:leases/notes/data", 2, 300), at));
            for (String app : List.of("notes", "web")) {
                publish(writer, Topics.DEPLOYMENTS, EventTypes.APP_MOVED, app, new AppMoved(app, old, fresh,
                        "replaced", UUID.randomUUID(), Instant.now()));
            }
            await("the apps run").atMost(WAIT).until(() -> run(old.toString(), runId.toString()).getString("phase")
                    .equals("move-routes"));
            for (String app : List.of("notes", "web")) {
                publish(writer, Topics.TUNNELS, EventTypes.ROUTE_EXPOSED, app + ".example.com", new RouteExposed(
                        app + ".example.com", "", "http://" + app + ":8080", fresh, "tunnel-b", old,
                        "hp-" + app + "-0", app, Instant.now()));
            }
        }
        JsonPath done = await("the run ends").atMost(WAIT).until(() -> run(old.toString(), runId(old)),
                run -> !run.getString("state").equals("RUNNING"));
        assertThat(done.getString("state")).as("one app could not move").isEqualTo("PARTIAL");
        assertThat(done.getList("phases.state")).containsOnly("done");
        assertThat(done.getList("apps.app")).containsExactly("legacy", "notes", "web");
        assertThat(done.getString("apps.find { it.app == 'legacy' }.state")).isEqualTo("stranded");
        assertThat(done.getString("apps.find { it.app == 'legacy' }.problem")).contains("needs label gpu=true");
        assertThat(done.getString("apps.find { it.app == 'notes' }.state")).isEqualTo("moved");
        assertThat(Instant.parse(done.getString("apps.find { it.app == 'notes' }.dataRestoredFrom")))
                .isEqualTo(syncedAt);
        assertThat(done.getList("apps.find { it.app == 'web' }.routes")).containsExactly("web.example.com");
        assertThat(done.getString("apps.find { it.app == 'web' }.servingSince")).isNotNull();
        assertThat(done.getString("apps.find { it.app == 'web' }.dataRestoredFrom")).isNull();
    }

    @Test
    void anAppWhoseVolumeHadNoSyncedCopyIsReported() throws Exception {
        UUID old = UUID.fromString(register("unsynced-old", "192.0.2.90"));
        UUID fresh = UUID.fromString(register("unsynced-new", "192.0.2.91"));
        UUID runId = enrolledReplacement(old, fresh);
        try (EventWriter writer = new EventWriter(broker.bootstrapServers())) {
            Instant at = Instant.now();
            publish(writer, Topics.DEPLOYMENTS, EventTypes.HOST_EVACUATION_STARTED, old.toString(),
                    new HostEvacuationStarted(old, fresh, List.of("diary"), List.of(), at));
            publish(writer, Topics.STORAGE, EventTypes.VOLUME_READY, "diary/data", new VolumeReady("diary", "data",
                    "local-synced", fresh, old, null, new HostVolume("diary", "data", "local-synced",
                            "/var/lib/homeport/volumes/diary/data", "shared:synced/diary/data/current",
                            "shared:synced/diary/data/replaced", "shared:leases/diary/data", 2, 300), at));
            publish(writer, Topics.DEPLOYMENTS, EventTypes.APP_MOVED, "diary", new AppMoved("diary", old, fresh,
                    "replaced", UUID.randomUUID(), Instant.now()));
        }
        JsonPath done = await("the run ends").atMost(WAIT).until(() -> run(old.toString(), runId.toString()),
                run -> !run.getString("state").equals("RUNNING"));
        assertThat(done.getString("state")).isEqualTo("PARTIAL");
        assertThat(done.getString("apps[0].state")).isEqualTo("moved");
        assertThat(done.getString("apps[0].problem")).contains("volume data had no synced copy");
    }

    /** A running replacement whose new host's agent is online, as the driver leaves it after phase enroll. */
    private static UUID enrolledReplacement(UUID old, UUID fresh) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Replacement replacement = new Replacement();
            replacement.id = UUID.randomUUID();
            replacement.hostId = old;
            replacement.newHostId = fresh;
            replacement.state = ReplacementState.RUNNING;
            replacement.phase = ReplacementPhase.RESTORE_DATA;
            replacement.startedAt = Instant.now().minusSeconds(60);
            replacement.provisionedAt = Instant.now().minusSeconds(20);
            replacement.enrolledAt = Instant.now().minusSeconds(1);
            replacement.persist();
            return replacement.id;
        });
    }

    private static String runId(UUID old) {
        return QuarkusTransaction.requiringNew().call(() -> Replacement.<Replacement>find("hostId", old)
                .firstResult().id.toString());
    }

    private static <T> void publish(EventWriter writer, Topic topic, EventType<T> type, String subject, T payload) {
        writer.publish(topic, EventCodec.create(type, URI.create("/homeport/test"), subject, payload,
                Clock.systemUTC()));
    }

    private static HostReplacementProgressed progress(io.cloudevents.CloudEvent event) {
        return EventCodec.payload(event, EventTypes.HOST_REPLACEMENT_PROGRESSED);
    }

    private static String register(String name, String address) {
        return given().contentType(ContentType.JSON).body(Map.of("name", name, "address", address))
                .post("/api/v1/hosts").then().statusCode(201).extract().path("id");
    }

    private static JsonPath run(String hostId, String runId) {
        return given().get("/api/v1/hosts/" + hostId + "/replace/" + runId).then().statusCode(200).extract()
                .jsonPath();
    }
}
