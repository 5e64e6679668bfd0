package io.homeport.deployer.secret;

import static io.homeport.testkit.ServiceCalls.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.cloudevents.CloudEvent;
import io.homeport.agent.protocol.ContainerSpec;
import io.homeport.agent.protocol.SealedSecret;
import io.homeport.agent.protocol.SecretSealing;
import io.homeport.deployer.FakeHub;
import io.homeport.events.EventCodec;
import io.homeport.events.EventTypes;
import io.homeport.events.Topics;
import io.homeport.events.agent.AgentDesiredState;
import io.homeport.testkit.EventReader;
import io.homeport.testkit.InjectKafkaBroker;
import io.homeport.testkit.KafkaBroker;
import io.homeport.testkit.KafkaTestResource;
import io.homeport.testkit.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.Test;

/**
 * App secrets with real Kafka and PostgreSQL: stored encrypted, never answered, bound to a revision by version, and
 * in a desired state only sealed to the agent of the host that runs the app.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class SecretsTest {

    @InjectKafkaBroker
    KafkaBroker broker;

    private final FakeHub hub = new FakeHub(() -> broker);

    private UUID connect(UUID hostId, String name, long memoryMb, PublicJsonWebKey key) {
        return hub.connect(hostId, name, 4, memoryMb, key == null ? null : SecretSealing.publicJwk(key));
    }

    private static void put(String name, String value, int status) {
        given().contentType(ContentType.JSON).body("{\"value\":\"" + value + "\"}").put("/api/v1/secrets/" + name)
                .then().statusCode(status).body("name", equalTo(name)).body("$", not(org.hamcrest.Matchers
                        .hasKey("value")));
    }

    @Test
    void aSecretReachesOnlyTheAgentOfItsHostSealedAtTheVersionItsRevisionWasDeployedWith() {
        String value = "pw-" + UUID.randomUUID();
        put("db-password", "first-" + value, 201);
        put("db-password", value, 200);
        given().get("/api/v1/secrets").then().statusCode(200).body("name", hasItem("db-password"))
                .body("find { it.name == 'db-password' }.version", equalTo(2))
                .body(not(org.hamcrest.Matchers.containsString(value)));
        List<SecretVersion> stored = QuarkusTransaction.requiringNew().call(() ->
                SecretVersion.<SecretVersion>list("name", "db-password"));
        assertThat(stored).hasSize(2).allSatisfy(row -> assertThat(new String(row.ciphertext,
                StandardCharsets.ISO_8859_1)).doesNotContain("pw-"));

        PublicJsonWebKey key = SecretSealing.newKey();
        // placement prefers the most free memory: without its key check the app would go to the keyless host
        UUID withKey = connect(UUID.randomUUID(), "sealed-a", 16_384, key);
        UUID withoutKey = connect(UUID.randomUUID(), "no-key-b", 65_536, null);
        try (EventReader desired = new EventReader(broker.bootstrapServers(), Topics.AGENT_DESIRED_STATE)) {
            FakeHub.deploy("POST", "/api/v1/apps", "name: db\nimage: local/db:1\n"
                    + "secrets: {DB_PASSWORD: db-password}\nresources: {memoryMb: 64}\n", 202);
            List<CloudEvent> events = desired.readUntil(e -> e.getSubject().equals(withKey.toString())
                    && !EventCodec.payload(e, EventTypes.AGENT_DESIRED_STATE).containers().isEmpty(), FakeHub.WAIT)
                    .stream().map(r -> r.value()).toList();
            assertThat(events).isNotEmpty().allSatisfy(event -> assertThat(new String(event.getData().toBytes(),
                    StandardCharsets.UTF_8)).doesNotContain(value));
            assertThat(events).noneMatch(event -> event.getSubject().equals(withoutKey.toString()));
            AgentDesiredState state = events.stream().filter(e -> e.getSubject().equals(withKey.toString()))
                    .map(e -> EventCodec.payload(e, EventTypes.AGENT_DESIRED_STATE))
                    .filter(d -> !d.containers().isEmpty()).reduce((a, b) -> b).orElseThrow();
            SealedSecret sealed = state.containers().get(0).options().secrets().get(0);
            assertThat(sealed.env()).isEqualTo("DB_PASSWORD");
            assertThat(sealed.version()).isEqualTo(2);
            assertThat(SecretSealing.unseal(key, sealed.sealed())).isEqualTo(value);

            put("db-password", "third-" + value, 200); // the running revision keeps version 2
            PublicJsonWebKey newKey = SecretSealing.newKey();
            connect(withKey, "sealed-a", 16_384, newKey); // the agent lost its state and made a new key
            AgentDesiredState resealed = FakeHub.next(desired, EventTypes.AGENT_DESIRED_STATE,
                    d -> d.hostId().equals(withKey) && d.revision() > state.revision());
            ContainerSpec container = resealed.containers().get(0);
            assertThat(container.options().secrets().get(0).version()).isEqualTo(2);
            assertThat(SecretSealing.unseal(newKey, container.options().secrets().get(0).sealed())).isEqualTo(value);
        }
        given().delete("/api/v1/secrets/db-password").then().statusCode(409)
                .body("detail", equalTo("secret db-password is used by the current revision of db: deploy them "
                        + "without it first"));
    }

    @Test
    void aSpecNamingAMissingSecretIsRefusedAndNothingIsStored() {
        given().contentType("application/yaml").body(("name: nosecret\nimage: local/x:1\n"
                + "secrets: {API_TOKEN: not-stored}\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/apps").then().statusCode(400)
                .body("errors[0].field", equalTo("secrets.API_TOKEN"))
                .body("errors[0].message", equalTo("no secret named not-stored is stored: PUT "
                        + "/api/v1/secrets/not-stored first"));
        given().get("/api/v1/apps/nosecret").then().statusCode(404);
    }

    @Test
    void badInputIsRefusedWithoutEchoingTheValue() {
        given().contentType(ContentType.JSON).body("{\"value\":\"\"}").put("/api/v1/secrets/empty").then()
                .statusCode(400).body("errors[0].field", equalTo("value"));
        given().contentType(ContentType.JSON).body("{\"value\":\"x\"}").put("/api/v1/secrets/Bad_Name").then()
                .statusCode(400);
        String response = given().contentType(ContentType.JSON).body("{\"value\":{\"nested\":\"hunter2\"}}")
                .put("/api/v1/secrets/nested").then().statusCode(400).extract().asString();
        assertThat(response).doesNotContain("hunter2");
        given().get("/api/v1/secrets/empty").then().statusCode(404);

        put("unused", "x", 201);
        given().delete("/api/v1/secrets/unused").then().statusCode(204);
        given().get("/api/v1/secrets/unused").then().statusCode(404);
    }

    @Test
    void aRegistryLoginMustBeALoginAndReachesTheAgentSealed() {
        given().contentType(ContentType.JSON).body("{\"value\":\"just-a-token\"}").put("/api/v1/secrets/ghcr-login")
                .then().statusCode(201);
        PublicJsonWebKey key = SecretSealing.newKey();
        UUID host = connect(UUID.randomUUID(), "registry-host", 4096, key);
        String spec = "name: private\nimage: ghcr.io/team/private:1\nregistryCredentials: ghcr-login\n"
                + "placement: {hostId: " + host + "}\n";
        String refused = FakeHub.deploy("POST", "/api/v1/apps", spec, 400);
        assertThat(io.restassured.path.json.JsonPath.from(refused).getString("errors[0].field"))
                .isEqualTo("registryCredentials");
        assertThat(refused).contains("is not a registry login").doesNotContain("just-a-token");

        String login = "{\\\"username\\\":\\\"team\\\",\\\"password\\\":\\\"pat-" + UUID.randomUUID() + "\\\"}";
        given().contentType(ContentType.JSON).body("{\"value\":\"" + login + "\"}").put("/api/v1/secrets/ghcr-login")
                .then().statusCode(200).body("version", equalTo(2));
        try (EventReader desired = new EventReader(broker.bootstrapServers(), Topics.AGENT_DESIRED_STATE)) {
            FakeHub.deploy("POST", "/api/v1/apps", spec, 202);
            AgentDesiredState state = FakeHub.next(desired, EventTypes.AGENT_DESIRED_STATE,
                    d -> d.hostId().equals(host) && !d.containers().isEmpty());
            SealedSecret sealed = state.containers().get(0).options().registryAuth();
            assertThat(sealed.name()).isEqualTo("ghcr-login");
            assertThat(SecretSealing.unseal(key, sealed.sealed())).startsWith("{\"username\":\"team\"");
        }
        given().get("/api/v1/secrets/ghcr-login").then().body("usedBy", org.hamcrest.Matchers.contains("private"));
    }

    @Test
    void anAgentOfferingSomethingElseThanAP256PublicKeyGetsNoSecrets() {
        put("for-odd-host", "x", 201);
        UUID odd = hub.connect(UUID.randomUUID(), "odd-key", 4, 4096, "{\"kty\":\"oct\",\"k\":\"AAAA\"}");
        await().atMost(FakeHub.WAIT).untilAsserted(() -> given().get("/api/v1/placement/hosts/" + odd).then()
                .statusCode(200));
        String refused = given().contentType("application/yaml").body(("name: oddapp\nimage: local/x:1\n"
                + "secrets: {X: for-odd-host}\nplacement: {hostId: " + odd + "}\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/apps").then().statusCode(422).extract().asString();
        assertThat(refused).contains("its agent offers no key to seal secrets to");
    }
}
