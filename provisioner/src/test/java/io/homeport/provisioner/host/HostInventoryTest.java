package io.homeport.provisioner.host;

import static io.homeport.testkit.ServiceCalls.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.cloudevents.CloudEvent;
import io.homeport.events.EventTypes;
import io.homeport.events.Topics;
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
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The inventory's SSH access: keys kept encrypted and never shown, bad keys refused, decommissioning. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class HostInventoryTest {

    @InjectKafkaBroker
    KafkaBroker broker;

    @Inject
    DataSource database;

    @Test
    void aPrivateKeyIsStoredEncryptedAndNeverShown() throws Exception {
        SshKeyPair key = SshServer.generateKeyPair();
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("name", "keyed", "address", "192.0.2.30", "privateKey", key.privateKeyPem()))
                .post("/api/v1/hosts").then().statusCode(201)
                .body("sshKey", equalTo("KEY")).body("hostKeyFingerprint", nullValue())
                .body("liveness", equalTo("UNKNOWN"))
                .extract().path("id");

        String shown = given().get("/api/v1/hosts/" + id).then().statusCode(200).extract().asString()
                + given().get("/api/v1/hosts").then().statusCode(200).extract().asString();
        assertThat(shown).doesNotContain("PRIVATE KEY").doesNotContain(keyBody(key));
        byte[] stored = storedKey(UUID.fromString(id));
        assertThat(stored).isNotEmpty();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("PRIVATE KEY")
                .doesNotContain(keyBody(key));
    }

    @Test
    void badKeysAndFingerprintsAreRefusedNamingTheField() {
        given().contentType(ContentType.JSON)
                .body(Map.of("address", "192.0.2.31", "privateKey", "not a key"))
                .post("/api/v1/hosts").then().statusCode(400).body("errors.field", hasItem("privateKey"))
                .body(org.hamcrest.Matchers.not(containsString("not a key")));
        given().contentType(ContentType.JSON)
                .body(Map.of("address", "192.0.2.32", "privateKey", SshServer.generateKeyPair().privateKeyPem(),
                        "keyReference", "fleet"))
                .post("/api/v1/hosts").then().statusCode(400).body("errors.field", hasItem("keyReference"));
        given().contentType(ContentType.JSON)
                .body(Map.of("address", "192.0.2.33", "keyReference", "../../etc/shadow"))
                .post("/api/v1/hosts").then().statusCode(400).body("errors.field", hasItem("keyReference"));
        given().contentType(ContentType.JSON)
                .body(Map.of("address", "192.0.2.34", "keyReference", "no-such-key"))
                .post("/api/v1/hosts").then().statusCode(400).body("errors.field", hasItem("keyReference"))
                .body("errors.find { it.field == 'keyReference' }.message", containsString("no readable key file"));
        given().contentType(ContentType.JSON)
                .body(Map.of("address", "192.0.2.35", "hostKeyFingerprint", "MD5:aa:bb"))
                .post("/api/v1/hosts").then().statusCode(400).body("errors.field", hasItem("hostKeyFingerprint"));
        given().get("/api/v1/hosts").then().body("address", org.hamcrest.Matchers.not(hasItem("192.0.2.32")));
    }

    @Test
    void aHostWithoutAKeyCannotBePreflighted() {
        String id = given().contentType(ContentType.JSON).body(Map.of("address", "192.0.2.36"))
                .post("/api/v1/hosts").then().statusCode(201).body("sshKey", equalTo("NONE")).extract().path("id");
        given().post("/api/v1/hosts/" + id + "/preflight").then().statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("has no SSH key"));
        given().post("/api/v1/hosts/" + id + "/provisioning-runs").then().statusCode(422);
    }

    @Test
    void decommissioningKeepsTheHostListedErasesItsKeyAndIsAnnounced() throws Exception {
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("name", "retired", "address", "192.0.2.37",
                        "privateKey", SshServer.generateKeyPair().privateKeyPem()))
                .post("/api/v1/hosts").then().statusCode(201).extract().path("id");
        try (EventReader events = new EventReader(broker.bootstrapServers(), Topics.HOSTS)) {
            given().delete("/api/v1/hosts/" + id).then().statusCode(200).body("state", equalTo("DECOMMISSIONED"))
                    .body("sshKey", equalTo("NONE"));
            given().delete("/api/v1/hosts/" + id).then().statusCode(200).body("state", equalTo("DECOMMISSIONED"));
            CloudEvent decommissioned = events.readUntil(e -> id.equals(e.getSubject())
                    && e.getType().equals(EventTypes.HOST_DECOMMISSIONED.type()), Duration.ofSeconds(30)).stream()
                    .map(r -> r.value()).filter(e -> id.equals(e.getSubject())
                            && e.getType().equals(EventTypes.HOST_DECOMMISSIONED.type())).findFirst().orElseThrow();
            assertThat(decommissioned.getSource().toString()).isEqualTo("/homeport/provisioner");
        }
        assertThat(storedKey(UUID.fromString(id))).isNull();
        given().post("/api/v1/hosts/" + id + "/provisioning-runs").then().statusCode(409)
                .body("detail", containsString("decommissioned"));
        given().delete("/api/v1/hosts/" + UUID.randomUUID()).then().statusCode(404);
    }

    private byte[] storedKey(UUID id) throws Exception {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT ssh_key FROM host WHERE id = ?")) {
            query.setObject(1, id);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getBytes(1);
            }
        }
    }

    /** A line from the middle of the key's base64, which no encoding of the ciphertext would contain by chance. */
    private static String keyBody(SshKeyPair key) {
        return key.privateKeyPem().lines().skip(2).findFirst().orElseThrow();
    }
}
