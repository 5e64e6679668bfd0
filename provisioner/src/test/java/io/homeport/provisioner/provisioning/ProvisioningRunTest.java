package io.homeport.provisioner.provisioning;

import static io.homeport.testkit.ServiceCalls.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.cloudevents.CloudEvent;
import io.homeport.events.EventCodec;
import io.homeport.events.EventTypes;
import io.homeport.events.Topics;
import io.homeport.events.host.HostEnrollmentKeyIssued;
import io.homeport.testkit.EventReader;
import io.homeport.testkit.InjectKafkaBroker;
import io.homeport.testkit.KafkaBroker;
import io.homeport.testkit.KafkaTestResource;
import io.homeport.testkit.PostgresTestResource;
import io.homeport.testkit.SshKeyPair;
import io.homeport.testkit.SshServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Provisioning runs with the real {@code ansible-playbook} over a real sshd on this machine. The playbook is the
 * test's {@code probe.yml}, which changes nothing here but behaves like {@code site.yml} where a run cares (ok,
 * changed and skipped tasks, a slow task, a failure that prints the enrollment key); the host's name picks which.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class ProvisioningRunTest {

    private static final Duration RUN = Duration.ofMinutes(3);

    @InjectKafkaBroker
    KafkaBroker broker;

    private static SshKeyPair key;
    private static SshServer server;

    @BeforeAll
    static void startSshd() {
        key = SshServer.generateKeyPair();
        server = SshServer.builder().authorize("root", key.publicKey()).start();
    }

    @AfterAll
    static void stopSshd() {
        if (server != null) {
            server.close();
        }
    }

    private static String register(String name) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "address", server.address(), "port", server.port(),
                        "privateKey", key.privateKeyPem()))
                .post("/api/v1/hosts").then().statusCode(201).extract().path("id");
    }

    private static String start(String hostId) {
        return given().post("/api/v1/hosts/" + hostId + "/provisioning-runs").then().statusCode(202)
                .header("Location", containsString("/provisioning-runs/")).body("state", equalTo("RUNNING"))
                .extract().path("id");
    }

    private static JsonPath awaitEnd(String hostId, String runId) {
        return await("run " + runId + " ends").atMost(RUN).pollInterval(Duration.ofMillis(300))
                .until(() -> given().get("/api/v1/hosts/" + hostId + "/provisioning-runs/" + runId).then()
                        .statusCode(200).extract().jsonPath(), run -> !run.getString("state").equals("RUNNING"));
    }

    @Test
    void aRunRecordsEveryTaskAsAStepAndEndsWithTheRecap() {
        String hostId = register("probe-ok");
        try (EventReader events = new EventReader(broker.bootstrapServers(), Topics.HOSTS)) {
            String runId = start(hostId);
            JsonPath run = awaitEnd(hostId, runId);

            assertThat(run.getString("state")).isEqualTo("SUCCEEDED");
            assertThat(run.getInt("totalSteps")).isEqualTo(6);
            assertThat(run.getList("steps.task", String.class)).containsExactly("Say hello.",
                    "Pretend to change something.", "Skip what does not apply.", "Take a while.",
                    "Fail, printing the enrollment key.", "Finish.");
            assertThat(run.getList("steps.status", String.class))
                    .containsExactly("ok", "changed", "skipped", "skipped", "skipped", "ok");
            assertThat(run.getList("steps.n", Integer.class)).containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(run.getInt("changed")).isEqualTo(1);
            assertThat(run.getInt("ok")).isEqualTo(3);
            given().get("/api/v1/hosts/" + hostId).then().body("state", equalTo("READY"))
                    .body("hostKeyFingerprint", equalTo(server.hostKeyFingerprint()))
                    .body("os", containsString("Debian"));

            List<CloudEvent> ofHost = events.readUntil(e -> e.getType().equals(EventTypes.HOST_PROVISIONED.type())
                    && hostId.equals(e.getSubject()), Duration.ofSeconds(30)).stream().map(r -> r.value())
                    .filter(e -> hostId.equals(e.getSubject())).toList();
            assertThat(ofHost).extracting(CloudEvent::getType).containsSubsequence(
                    EventTypes.HOST_ENROLLMENT_KEY_ISSUED.type(), EventTypes.HOST_PROVISIONING_STARTED.type(),
                    EventTypes.HOST_PROVISIONING_STEP.type(), EventTypes.HOST_PROVISIONED.type());
            assertThat(ofHost).filteredOn(e -> e.getType().equals(EventTypes.HOST_PROVISIONING_STEP.type()))
                    .hasSize(6);
            HostEnrollmentKeyIssued issued = EventCodec.payload(ofHost.stream().filter(e -> e.getType()
                    .equals(EventTypes.HOST_ENROLLMENT_KEY_ISSUED.type())).findFirst().orElseThrow(),
                    EventTypes.HOST_ENROLLMENT_KEY_ISSUED);
            assertThat(issued.hostId().toString()).isEqualTo(hostId);
            assertThat(issued.keyHash()).matches("[0-9a-f]{64}");
            assertThat(ofHost).allSatisfy(e -> assertThat(new String(EventCodec.write(e), StandardCharsets.UTF_8))
                    .doesNotContain("hpe_").doesNotContain("PRIVATE KEY"));
        }
    }

    @Test
    void aFailedTaskEndsTheRunNamingItWithoutTheSecretItPrinted() {
        String hostId = register("probe-failing");
        JsonPath run = awaitEnd(hostId, start(hostId));

        assertThat(run.getString("state")).isEqualTo("FAILED");
        assertThat(run.getString("failedTask")).isEqualTo("Fail, printing the enrollment key.");
        assertThat(run.getString("message")).contains("key (hidden) refused").doesNotContain("hpe_");
        assertThat(run.getString("steps.find { it.status == 'failed' }.message")).doesNotContain("hpe_");
        given().get("/api/v1/hosts/" + hostId).then().body("state", equalTo("NEW"));
    }

    @Test
    void aRunningRunIsTheOnlyOneAndCanBeCancelled() {
        String hostId = register("probe-slow");
        String runId = start(hostId);
        given().post("/api/v1/hosts/" + hostId + "/provisioning-runs").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString(runId));
        await("the slow task starts").atMost(RUN).until(() -> given().get("/api/v1/hosts/" + hostId
                + "/provisioning-runs/" + runId).then().extract().jsonPath().getInt("doneSteps") >= 3);

        given().delete("/api/v1/hosts/" + hostId + "/provisioning-runs/" + runId).then().statusCode(202);
        JsonPath run = await("the cancelled run ends").atMost(Duration.ofSeconds(30))
                .until(() -> given().get("/api/v1/hosts/" + hostId + "/provisioning-runs/" + runId).then().extract()
                        .jsonPath(), r -> !r.getString("state").equals("RUNNING"));
        assertThat(run.getString("state")).isEqualTo("CANCELLED");
        assertThat(run.getString("message")).isEqualTo("Cancelled");
        given().get("/api/v1/hosts/" + hostId).then().body("state", equalTo("NEW"));
        String next = start(hostId);
        assertThat(next).as("a new run may start").isNotEqualTo(runId);
        given().delete("/api/v1/hosts/" + hostId + "/provisioning-runs/" + next).then().statusCode(202);
        assertThat(awaitEnd(hostId, next).getString("state")).isEqualTo("CANCELLED");
    }

    @Test
    void theProgressStreamReplaysStepsWithTheirNumbersAndResumesAfterLastEventId() {
        String hostId = register("probe-stream");
        String runId = start(hostId);
        String stream = given().accept("text/event-stream")
                .get("/api/v1/hosts/" + hostId + "/provisioning-runs/" + runId + "/steps")
                .then().statusCode(200).extract().asString();
        assertThat(stream.lines().filter(line -> line.startsWith("id:")).map(line -> line.substring(3).strip()))
                .containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(stream).contains("event:end").contains("\"state\":\"SUCCEEDED\"");

        String resumed = given().accept("text/event-stream").header("Last-Event-ID", "4")
                .get("/api/v1/hosts/" + hostId + "/provisioning-runs/" + runId + "/steps")
                .then().statusCode(200).extract().asString();
        assertThat(resumed.lines().filter(line -> line.startsWith("id:")).map(line -> line.substring(3).strip()))
                .containsExactly("5", "6");
    }

    @Test
    void aChangedHostKeyStopsProvisioningBeforeAnythingRuns() {
        SshKeyPair otherKey = SshServer.generateKeyPair();
        try (SshServer reinstalled = SshServer.builder().authorize("root", otherKey.publicKey()).start()) {
            String hostId = given().contentType(ContentType.JSON)
                    .body(Map.of("name", "probe-reinstalled", "address", reinstalled.address(), "port",
                            reinstalled.port(), "privateKey", otherKey.privateKeyPem()))
                    .post("/api/v1/hosts").then().statusCode(201).extract().path("id");
            given().post("/api/v1/hosts/" + hostId + "/preflight").then().statusCode(200)
                    .body("pinnedNow", equalTo(true))
                    .body("hostKeyFingerprint", equalTo(reinstalled.hostKeyFingerprint()));
            String pinned = reinstalled.hostKeyFingerprint();

            reinstalled.regenerateHostKey();

            given().post("/api/v1/hosts/" + hostId + "/provisioning-runs").then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("detail", containsString(pinned)).body("detail", containsString("changed"));
            given().get("/api/v1/hosts/" + hostId + "/provisioning-runs").then().statusCode(200)
                    .body("size()", equalTo(0));
            given().get("/api/v1/hosts/" + hostId).then().body("state", equalTo("NEW"))
                    .body("hostKeyFingerprint", equalTo(pinned));
        }
    }
}
