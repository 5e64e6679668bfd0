package io.homeport.gateway.enrollment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.homeport.events.EventCodec;
import io.homeport.events.EventTypes;
import io.homeport.events.Topics;
import io.homeport.events.host.HostAdopted;
import io.homeport.events.host.HostDecommissioned;
import io.homeport.events.host.HostEnrollmentKeyIssued;
import io.homeport.platform.secret.SecretTokens;
import io.homeport.testkit.EventReader;
import io.homeport.testkit.EventWriter;
import io.homeport.testkit.InjectKafkaBroker;
import io.homeport.testkit.KafkaBroker;
import io.homeport.testkit.KafkaTestResource;
import io.homeport.testkit.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class EnrollmentTest {

    @InjectKafkaBroker
    KafkaBroker broker;

    @Inject
    EnrollmentService enrollment;

    private static String admin() {
        return OidcWiremockTestResource.getAccessToken("ada", Set.of("admin"));
    }

    private static ValidatableResponse createKey(String body) {
        return given().auth().oauth2(admin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/enrollment-keys").then();
    }

    private static ValidatableResponse enroll(String key, String hostname) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("enrollmentKey", key, "hostname", hostname))
                .post("/api/v1/agents/enroll").then();
    }

    @Test
    void aOneTimeKeyEnrollsItsHostOnceAndIsShownOnlyAtCreation() {
        UUID hostId = UUID.randomUUID();
        String key = createKey("{\"kind\":\"ONE_TIME\",\"hostId\":\"" + hostId + "\"}")
                .statusCode(201).body("key", startsWith("hpe_")).body("maxUses", equalTo(1))
                .extract().path("key");

        given().auth().oauth2(admin()).get("/api/v1/enrollment-keys").then().statusCode(200)
                .body("hostId", hasItem(hostId.toString()))
                .body("key", not(hasItem(key)))
                .body("find { it.hostId == '" + hostId + "' }.key", nullValue());

        String credential = enroll(key, "web-1.lan").statusCode(201)
                .body("hostId", equalTo(hostId.toString()))
                .body("credential", startsWith("hpa_"))
                .extract().path("credential");
        assertThat(enrollment.hostOf(credential)).contains(hostId);

        enroll(key, "web-1.lan").statusCode(401).contentType("application/problem+json")
                .body("detail", equalTo("The enrollment key was already used"));
    }

    @Test
    void unknownExpiredAndRevokedKeysAreRefusedWithTheReason() throws Exception {
        enroll("hpe_not-a-key", "x").statusCode(401).body("detail", equalTo("The enrollment key is not valid"));

        String shortLived = createKey("{\"kind\":\"REUSABLE\",\"validFor\":\"PT1S\"}").statusCode(201)
                .extract().path("key");
        Thread.sleep(1_200);
        enroll(shortLived, "late.lan").statusCode(401).body("detail", startsWith("The enrollment key expired at"));

        var created = createKey("{\"kind\":\"REUSABLE\"}").statusCode(201).extract();
        String revoked = created.path("key");
        given().auth().oauth2(admin()).delete("/api/v1/enrollment-keys/" + created.path("id")).then()
                .statusCode(200).body("revokedAt", not(nullValue()));
        enroll(revoked, "gone.lan").statusCode(401).body("detail", startsWith("The enrollment key was revoked at"));
    }

    @Test
    void aReusableKeyAdoptsHostsUntilItIsUsedUp() {
        String key = createKey("{\"kind\":\"REUSABLE\",\"maxUses\":2,\"labels\":{\"site\":\"attic\"}}")
                .statusCode(201).extract().path("key");

        String first = enroll(key, "pi-1.lan").statusCode(201).extract().path("hostId");
        String second = enroll(key, "pi-2.lan").statusCode(201).extract().path("hostId");
        enroll(key, "pi-3.lan").statusCode(401).body("detail", containsString("used up (2 of 2 uses)"));

        assertThat(first).isNotEqualTo(second);
        try (EventReader reader = new EventReader(broker.bootstrapServers(), Topics.HOSTS)) {
            CloudEvent adopted = reader.readUntil(e -> second.equals(e.getSubject()), Duration.ofSeconds(30)).stream()
                    .map(r -> r.value()).filter(e -> second.equals(e.getSubject())).findFirst()
                    .orElseThrow(() -> new AssertionError("no host.adopted event for " + second));
            HostAdopted payload = EventCodec.payload(adopted, EventTypes.HOST_ADOPTED);
            assertThat(payload.hostname()).isEqualTo("pi-2.lan");
            assertThat(payload.labels()).containsEntry("site", "attic");
            assertThat(new String(EventCodec.write(adopted))).doesNotContain(key);
        }
    }

    @Test
    void aKeyTheProvisionerMintedEnrollsItsHostOnceAndDecommissioningEndsTheCredential() {
        UUID hostId = UUID.randomUUID();
        String key = SecretTokens.generate("hpe_");
        try (EventWriter writer = new EventWriter(broker.bootstrapServers())) {
            writer.publish(Topics.HOSTS, EventCodec.create(EventTypes.HOST_ENROLLMENT_KEY_ISSUED,
                    URI.create("/homeport/provisioner"), hostId.toString(), new HostEnrollmentKeyIssued(
                            UUID.randomUUID(), hostId, SecretTokens.hash(key), Instant.now().plusSeconds(600)),
                    Clock.systemUTC()));
        }
        String credential = await("the gateway accepts the provisioner's key").atMost(Duration.ofSeconds(30))
                .until(() -> enroll(key, "new-server.lan").extract(), r -> r.statusCode() == 201).path("credential");
        enroll(key, "new-server.lan").statusCode(401).body("detail", equalTo("The enrollment key was already used"));
        assertThat(enrollment.hostOf(credential)).as("the agent enrolls as the provisioned host").contains(hostId);

        try (EventWriter writer = new EventWriter(broker.bootstrapServers())) {
            writer.publish(Topics.HOSTS, EventCodec.create(EventTypes.HOST_DECOMMISSIONED,
                    URI.create("/homeport/provisioner"), hostId.toString(),
                    new HostDecommissioned(hostId, "new-server", Instant.now()), Clock.systemUTC()));
        }
        await("a decommissioned host's credential is revoked").atMost(Duration.ofSeconds(30))
                .until(() -> enrollment.hostOf(credential).isEmpty());
    }

    @Test
    void revokedCredentialsNoLongerIdentifyTheirHost() {
        UUID hostId = UUID.randomUUID();
        String key = createKey("{\"kind\":\"ONE_TIME\",\"hostId\":\"" + hostId + "\"}").extract().path("key");
        String credential = enroll(key, "db.lan").statusCode(201).extract().path("credential");

        given().auth().oauth2(admin()).delete("/api/v1/agents/" + hostId + "/credentials").then().statusCode(204);

        assertThat(enrollment.hostOf(credential)).isEmpty();
    }

    @Test
    void badKeyRequestsAreRefusedNamingTheField() {
        createKey("{\"kind\":\"ONE_TIME\"}").statusCode(400).body("errors.field", hasItem("hostId"));
        createKey("{\"kind\":\"REUSABLE\",\"hostId\":\"" + UUID.randomUUID() + "\"}").statusCode(400)
                .body("errors.field", hasItem("hostId"));
        createKey("{\"kind\":\"REUSABLE\",\"validFor\":\"1 day\"}").statusCode(400)
                .body("errors.field", hasItem("validFor"));
        createKey("{\"kind\":\"SOMETIMES\"}").statusCode(400).body("errors.field", hasItem("kind"));
        createKey("{}").statusCode(400).body("errors.field", hasItem("kind"));
        given().contentType(ContentType.JSON).body("{\"hostname\":\"x\"}").post("/api/v1/agents/enroll")
                .then().statusCode(400).body("errors.field", hasItem("enrollmentKey"));
    }

    @Test
    void onlyAdminsCreateKeysAndNobodyWithoutAToken() {
        given().auth().oauth2(OidcWiremockTestResource.getAccessToken("olga", Set.of("operator")))
                .contentType(ContentType.JSON).body("{\"kind\":\"REUSABLE\"}").post("/api/v1/enrollment-keys")
                .then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"kind\":\"REUSABLE\"}").post("/api/v1/enrollment-keys")
                .then().statusCode(401);
        given().auth().oauth2(OidcWiremockTestResource.getAccessToken("olga", Set.of("operator")))
                .get("/api/v1/enrollment-keys").then().statusCode(200);
    }
}
