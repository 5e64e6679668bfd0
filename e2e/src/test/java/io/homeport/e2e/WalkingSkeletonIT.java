package io.homeport.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.cloudevents.CloudEvent;
import io.homeport.events.Topics;
import io.homeport.launcher.ControlPlane;
import io.homeport.launcher.Service;
import io.homeport.testkit.EventReader;
import io.homeport.testkit.ServiceTokens;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The walking skeleton through the real stack: the launcher starts a real Kafka broker, a real PostgreSQL and every
 * service as its own process; requests go through the gateway with a bearer token.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkingSkeletonIT {

    private static ControlPlane controlPlane;
    private static String adminToken;
    /** Direct calls to a service carry a service token, as the gateway's do. */
    private static ServiceTokens serviceTokens;

    @BeforeAll
    static void startControlPlane() throws Exception {
        controlPlane = new ControlPlane(Files.createTempDirectory("homeport-e2e"), Path.of(".."),
                ControlPlane.Ports.free())
                .onReady((name, took) -> System.out.printf("%s ready in %d ms%n", name, took.toMillis()));
        controlPlane.startAll();
        adminToken = controlPlane.auth().token("e2e-admin", List.of("admin"), Duration.ofHours(1));
        serviceTokens = ServiceTokens.forMasterKey(controlPlane.masterKey());
    }

    @AfterAll
    static void stopControlPlane() {
        if (controlPlane != null) {
            controlPlane.close();
        }
    }

    @Test
    @Order(1)
    void aHostRegisteredThroughTheGatewayReachesEveryServiceThatCares() {
        String id = given().auth().oauth2(adminToken).contentType(ContentType.JSON)
                .body("{\"name\":\"e2e-1\",\"address\":\"192.0.2.21\",\"labels\":{\"zone\":\"lab\"}}")
                .post(controlPlane.url(Service.API_GATEWAY) + "/api/v1/hosts")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/hosts/"))
                .extract().path("id");

        given().auth().oauth2(adminToken).get(controlPlane.url(Service.API_GATEWAY) + "/api/v1/hosts/" + id)
                .then().statusCode(200).body("name", equalTo("e2e-1")).body("state", equalTo("NEW"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> serviceTokens.given()
                .get(controlPlane.url(Service.DEPLOYER) + "/api/v1/placement/hosts/" + id)
                .then().statusCode(200).body("labels.zone", equalTo("lab")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> serviceTokens.given()
                .get(controlPlane.url(Service.STORAGE_MANAGER) + "/api/v1/storage/mounts/" + id)
                .then().statusCode(200).body("state", equalTo("PENDING")));
    }

    @Test
    @Order(2)
    void badInputAndMissingTokensAreProblemsNamingTheCause() {
        String hosts = controlPlane.url(Service.API_GATEWAY) + "/api/v1/hosts";
        given().auth().oauth2(adminToken).contentType(ContentType.JSON).body("{\"address\":\"no such thing!\"}")
                .post(hosts).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("address"));
        given().auth().oauth2(adminToken).contentType(ContentType.JSON).body("{\"address\":\"192.0.2.5\",\"port\":\"x\"}")
                .post(hosts).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("port"));
        given().auth().oauth2(adminToken).contentType(ContentType.JSON).body("{oops")
                .post(hosts).then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"address\":\"192.0.2.5\"}")
                .post(hosts).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(adminToken + "x").get(hosts).then().statusCode(401);
        String viewer = controlPlane.auth().token("e2e-viewer", List.of("viewer"), Duration.ofHours(1));
        given().auth().oauth2(viewer).get(hosts).then().statusCode(200);
        given().auth().oauth2(viewer).contentType(ContentType.JSON).body("{\"address\":\"192.0.2.5\"}")
                .post(hosts).then().statusCode(403);
        // a conflict found by the provisioner reaches the caller unchanged
        given().auth().oauth2(adminToken).contentType(ContentType.JSON)
                .body("{\"name\":\"e2e-1\",\"address\":\"192.0.2.22\"}")
                .post(hosts).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("e2e-1"));
    }

    @Test
    @Order(3)
    void aComposeFileIsPreviewedThroughTheGatewayAndItsProblemsReachTheCaller() {
        String preview = controlPlane.url(Service.API_GATEWAY) + "/api/v1/stacks/preview?name=blog";
        byte[] compose = "services:\n  web: {image: local/web:1, depends_on: [db]}\n  db: {image: postgres:16}\n"
                .getBytes(StandardCharsets.UTF_8);
        given().auth().oauth2(adminToken).contentType("application/yaml").body(compose).post(preview)
                .then().statusCode(200).body("apps.name", contains("blog-db", "blog-web"));
        byte[] unsupported = "services:\n  web: {image: local/web:1, build: ., privileged: true}\n"
                .getBytes(StandardCharsets.UTF_8);
        given().auth().oauth2(adminToken).contentType("application/yaml").body(unsupported).post(preview)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("services.web.build", "services.web.privileged"));
        given().contentType("application/yaml").body(compose).post(preview).then().statusCode(401);
    }

    @Test
    @Order(4)
    void aHostInstalledByHandIsAdoptedWhenItsAgentEnrolls() {
        String gateway = controlPlane.url(Service.API_GATEWAY);
        String key = given().auth().oauth2(adminToken).contentType(ContentType.JSON)
                .body("{\"kind\":\"REUSABLE\",\"maxUses\":5,\"labels\":{\"site\":\"basement\"}}")
                .post(gateway + "/api/v1/enrollment-keys").then().statusCode(201).extract().path("key");

        String hostId = given().contentType(ContentType.JSON)
                .body(Map.of("enrollmentKey", key, "hostname", "nas.lan"))
                .post(gateway + "/api/v1/agents/enroll").then().statusCode(201).extract().path("hostId");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(adminToken)
                .get(gateway + "/api/v1/hosts/" + hostId).then().statusCode(200)
                .body("origin", equalTo("ADOPTED")).body("state", equalTo("READY"))
                .body("labels.site", equalTo("basement")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> serviceTokens.given()
                .get(controlPlane.url(Service.DEPLOYER) + "/api/v1/placement/hosts/" + hostId)
                .then().statusCode(200));
    }

    /** Outbox test (b): the event of a committed change survives the death of its service before publishing. */
    @Test
    @Order(5)
    void anEventCommittedJustBeforeTheProvisionerIsKilledIsPublishedAfterItRestarts() {
        controlPlane.stopService(Service.PROVISIONER);
        // the relay held back, so the process dies with the event committed but not yet published
        controlPlane.startService(Service.PROVISIONER, Map.of("HOMEPORT_OUTBOX_RELAY_ENABLED", "false"));
        String id = given().auth().oauth2(adminToken).contentType(ContentType.JSON)
                .body("{\"name\":\"survivor\",\"address\":\"192.0.2.30\"}")
                .post(controlPlane.url(Service.API_GATEWAY) + "/api/v1/hosts")
                .then().statusCode(201).extract().path("id");

        try (EventReader reader = new EventReader(controlPlane.kafkaBootstrapServers(), Topics.HOSTS)) {
            assertThat(reader.readFor(Duration.ofSeconds(3))).as("published before the crash")
                    .noneMatch(r -> id.equals(r.key()));

            controlPlane.killService(Service.PROVISIONER);
            controlPlane.startService(Service.PROVISIONER, Map.of());

            List<ConsumerRecord<String, CloudEvent>> records =
                    reader.readUntil(e -> id.equals(e.getSubject()), Duration.ofSeconds(30));
            assertThat(records).as("published after the restart").anyMatch(r -> id.equals(r.key()));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> serviceTokens.given()
                .get(controlPlane.url(Service.DEPLOYER) + "/api/v1/placement/hosts/" + id)
                .then().statusCode(200).body("name", equalTo("survivor")));
    }
}
