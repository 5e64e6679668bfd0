package io.homeport.gateway.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.homeport.events.EventTypes;
import io.homeport.events.Topics;
import io.homeport.events.alert.AlertRaised;
import io.homeport.events.host.HostLost;
import io.homeport.events.host.HostOnline;
import io.homeport.gateway.event.TestEvents;
import io.homeport.testkit.EventWriter;
import io.homeport.testkit.InjectKafkaBroker;
import io.homeport.testkit.KafkaBroker;
import io.homeport.testkit.KafkaTestResource;
import io.homeport.testkit.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Webhooks end to end: events published on a real Kafka broker are logged, matched and POSTed to a real HTTP
 * receiver on loopback, which checks each signature; failures are retried with backoff (short in tests) and dead
 * letters stay in the log.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class WebhookDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static WebhookReceiver receiver;

    @InjectKafkaBroker
    KafkaBroker broker;

    @Inject
    WebhookConfig config;

    @Inject
    DataSource dataSource;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    private static String admin() {
        return OidcWiremockTestResource.getAccessToken("ada", Set.of("admin"));
    }

    private static JsonPath create(Map<String, Object> body) {
        return given().auth().oauth2(admin()).contentType(ContentType.JSON).body(body).post("/api/v1/webhooks")
                .then().statusCode(201).header("Location", containsString("/api/v1/webhooks/"))
                .extract().jsonPath();
    }

    private static JsonPath deliveries(String webhook) {
        return given().auth().oauth2(admin()).get("/api/v1/webhooks/" + webhook + "/deliveries").then()
                .statusCode(200).extract().jsonPath();
    }

    private void publish(io.homeport.events.Topic topic, CloudEvent event) {
        try (EventWriter writer = new EventWriter(broker.bootstrapServers())) {
            writer.publish(topic, event);
        }
    }

    private static CloudEvent hostLost(UUID host) {
        return TestEvents.event(EventTypes.HOST_LOST, host.toString(), new HostLost(host, Instant.now(),
                Instant.now()));
    }

    @Test
    void aReceiverThatFailsTwiceGetsTheSignedEventOnTheThirdAttempt() throws Exception {
        UUID host = UUID.randomUUID();
        String url = receiver.path("/flaky", null, n -> n <= 2 ? 500 : 204);
        JsonPath webhook = create(Map.of("url", url, "types", List.of("io.homeport.host."),
                "subjects", List.of(host.toString())));
        String id = webhook.getString("id");
        String secret = webhook.getString("secret");
        assertThat(secret).startsWith("hpw_");
        assertThat(webhook.getString("format")).isEqualTo("cloudevents");
        receiver.secret("/flaky", secret);
        given().auth().oauth2(admin()).get("/api/v1/webhooks/" + id).then().statusCode(200)
                .body("$", not(hasKey("secret"))).body("url", equalTo(url));
        given().auth().oauth2(admin()).get("/api/v1/webhooks").then().statusCode(200)
                .body(not(containsString(secret)));

        publish(Topics.HOSTS, TestEvents.event(EventTypes.HOST_ONLINE, UUID.randomUUID().toString(),
                new HostOnline(UUID.randomUUID(), Instant.now(), Instant.now()))); // another subject: not sent
        CloudEvent lost = hostLost(host);
        publish(Topics.HOSTS, lost);

        await("delivered on the third attempt").atMost(WAIT).untilAsserted(() ->
                assertThat(deliveries(id).getString("[0].state")).isEqualTo("DELIVERED"));
        JsonPath log = deliveries(id);
        assertThat(log.getList("$")).hasSize(1);
        assertThat(log.getInt("[0].attempts")).isEqualTo(3);
        assertThat(log.getInt("[0].lastStatus")).isEqualTo(204);
        assertThat(log.getString("[0].lastError")).isNull();
        assertThat(log.getString("[0].eventId")).isEqualTo(lost.getId());
        assertThat(log.getString("[0].eventType")).isEqualTo("io.homeport.host.lost.v1");

        List<WebhookReceiver.Received> requests = receiver.at("/flaky");
        assertThat(requests).hasSize(3).allSatisfy(request -> {
            assertThat(request.signatureValid()).as("signature").isTrue();
            assertThat(request.header("X-Homeport-Event-Id")).isEqualTo(lost.getId());
            assertThat(request.header("Content-Type")).isEqualTo("application/cloudevents+json");
        });
        JsonNode body = JSON.readTree(requests.get(2).body());
        assertThat(body.get("id").asText()).isEqualTo(lost.getId());
        assertThat(body.get("type").asText()).isEqualTo("io.homeport.host.lost.v1");
        assertThat(body.get("subject").asText()).isEqualTo(host.toString());
        assertThat(body.at("/data/hostId").asText()).isEqualTo(host.toString());

        try (Connection connection = dataSource.getConnection();
                PreparedStatement stored = connection.prepareStatement("SELECT secret FROM webhook WHERE id = ?")) {
            stored.setObject(1, UUID.fromString(id));
            try (ResultSet row = stored.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(new String(row.getBytes(1), StandardCharsets.ISO_8859_1)).doesNotContain(secret);
            }
        }
    }

    @Test
    void aReceiverThatAlwaysFailsEndsDeadAfterTheLastAttemptAndARetryRequeuesIt() {
        UUID host = UUID.randomUUID();
        String secret = "a-shared-secret-of-ours";
        String url = receiver.path("/down", secret, n -> 500);
        JsonPath webhook = create(Map.of("url", url, "subjects", List.of(host.toString()), "secret", secret));
        String id = webhook.getString("id");
        assertThat(webhook.getString("secret")).as("a secret given is not echoed").isNull();

        publish(Topics.HOSTS, hostLost(host));

        await("dead after " + config.maxAttempts() + " attempts").atMost(WAIT).untilAsserted(() ->
                assertThat(deliveries(id).getString("[0].state")).isEqualTo("DEAD"));
        JsonPath dead = deliveries(id);
        assertThat(dead.getInt("[0].attempts")).isEqualTo(config.maxAttempts());
        assertThat(dead.getInt("[0].lastStatus")).isEqualTo(500);
        assertThat(dead.getString("[0].lastError")).isEqualTo("HTTP 500: receiver says no (" + config.maxAttempts() + ")");
        assertThat(dead.getString("[0].nextAttemptAt")).isNull();
        assertThat(receiver.at("/down")).hasSize(config.maxAttempts())
                .allSatisfy(request -> assertThat(request.signatureValid()).isTrue());
        given().auth().oauth2(admin()).get("/api/v1/webhooks/" + id + "/deliveries?state=DEAD").then()
                .statusCode(200).body("size()", equalTo(1));
        given().auth().oauth2(admin()).get("/api/v1/webhooks/" + id + "/deliveries?state=PENDING").then()
                .statusCode(200).body("size()", equalTo(0));

        receiver.script("/down", n -> 200);
        String delivery = dead.getString("[0].id");
        given().auth().oauth2(admin()).post("/api/v1/webhooks/" + id + "/deliveries/" + delivery + "/retry").then()
                .statusCode(200).body("state", equalTo("PENDING")).body("attempts", equalTo(0));
        await("delivered after the retry").atMost(WAIT).untilAsserted(() ->
                assertThat(deliveries(id).getString("[0].state")).isEqualTo("DELIVERED"));
        assertThat(deliveries(id).getInt("[0].attempts")).isEqualTo(1);
        given().auth().oauth2(admin()).post("/api/v1/webhooks/" + id + "/deliveries/" + delivery + "/retry").then()
                .statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("only a DEAD delivery"));
    }

    @Test
    void alertsReachChatWebhooksRenderedForSlackDiscordAndNtfyAndNothingElseDoes() throws Exception {
        String subject = "host/" + UUID.randomUUID();
        String slack = receiver.path("/slack", null, n -> 200);
        String discord = receiver.path("/discord", null, n -> 204);
        String ntfy = receiver.path("/ntfy/homeport-alerts", null, n -> 200);
        String slackId = create(Map.of("url", slack, "format", "slack", "subjects", List.of(subject))).getString("id");
        create(Map.of("url", discord, "format", "discord", "types", List.of("io.homeport.alert."),
                "subjects", List.of(subject)));
        create(Map.of("url", ntfy, "format", "ntfy", "subjects", List.of(subject), "secret", "ntfy-secret-0123456"));
        receiver.secret("/ntfy/homeport-alerts", "ntfy-secret-0123456");

        publish(Topics.HOSTS, TestEvents.event(EventTypes.HOST_LOST, subject,
                new HostLost(UUID.randomUUID(), Instant.now(), Instant.now()))); // not an alert: not for chats
        CloudEvent alert = TestEvents.event(EventTypes.ALERT_RAISED, subject, new AlertRaised("host-lost",
                "critical", subject, "Host web-1 is lost", Map.of("host", "web-1"), null, Instant.now()));
        publish(Topics.ALERTS, alert);

        await("every chat got the alert").atMost(WAIT).untilAsserted(() -> {
            assertThat(receiver.at("/slack")).hasSize(1);
            assertThat(receiver.at("/discord")).hasSize(1);
            assertThat(receiver.at("/ntfy/homeport-alerts")).hasSize(1);
        });
        JsonNode slackMessage = JSON.readTree(receiver.at("/slack").get(0).body());
        assertThat(slackMessage.get("text").asText()).contains("CRITICAL host-lost", "Host web-1 is lost");
        assertThat(slackMessage.get("blocks").isArray()).isTrue();
        JsonNode discordMessage = JSON.readTree(receiver.at("/discord").get(0).body());
        assertThat(discordMessage.get("content").asText()).contains("CRITICAL host-lost");
        assertThat(discordMessage.at("/embeds/0/description").asText()).isEqualTo("Host web-1 is lost");
        WebhookReceiver.Received notification = receiver.at("/ntfy/homeport-alerts").get(0);
        assertThat(notification.body()).startsWith("Host web-1 is lost");
        assertThat(notification.header("Title")).isEqualTo("CRITICAL host-lost: " + subject);
        assertThat(notification.header("Priority")).isEqualTo("urgent");
        assertThat(notification.header("Tags")).isEqualTo("rotating_light,homeport,host-lost");
        assertThat(notification.header("X-Homeport-Event-Id")).isEqualTo(alert.getId());
        assertThat(notification.signatureValid()).isTrue();

        await("the slack delivery is logged as delivered").atMost(WAIT).untilAsserted(() ->
                assertThat(deliveries(slackId).getList("state")).containsExactly("DELIVERED"));
        assertThat(deliveries(slackId).getList("eventType")).containsExactly("io.homeport.alert.raised.v1");
    }

    @Test
    void aBadSubscriptionIs400WithTheReasonAndNothingIsMade() {
        int before = given().auth().oauth2(admin()).get("/api/v1/webhooks").then().statusCode(200)
                .extract().jsonPath().getList("$").size();
        Map<Map<String, Object>, String> bad = Map.of(
                Map.of("url", "ftp://files.example.com/in"), "must be an http or https URL, not ftp",
                Map.of("url", "/relative/path"), "must be an http or https URL, not a relative one",
                Map.of("url", "https://user:pw@hooks.example.com/x"), "must not carry credentials",
                Map.of("url", "https://hooks.example.com/x", "format", "teams"),
                "must be one of cloudevents, slack, discord, ntfy",
                Map.of("url", "https://hooks.example.com/x", "format", "slack", "types", List.of("io.homeport.host.")),
                "a slack webhook carries alerts only",
                Map.of("url", "https://hooks.example.com/x", "types", List.of("io.homeport.host.*")),
                "must be event types or prefixes",
                Map.of("url", "https://hooks.example.com/x", "secret", "short"), "between 16 and 256");
        bad.forEach((body, reason) -> given().auth().oauth2(admin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/webhooks").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString(reason)).body(not(containsString("Exception"))));
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body("{}").post("/api/v1/webhooks").then()
                .statusCode(400).body("errors[0].field", containsString("url"));
        given().auth().oauth2(admin()).get("/api/v1/webhooks").then().statusCode(200)
                .body("size()", equalTo(before));
    }

    @Test
    void aDeletedWebhookIsGoneWithItsDeliveryLog() {
        JsonPath webhook = create(Map.of("url", "http://127.0.0.1:1/gone"));
        String id = webhook.getString("id");

        given().auth().oauth2(admin()).delete("/api/v1/webhooks/" + id).then().statusCode(204);

        given().auth().oauth2(admin()).get("/api/v1/webhooks/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(admin()).get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(404);
        given().auth().oauth2(admin()).delete("/api/v1/webhooks/" + id).then().statusCode(404);
        given().auth().oauth2(admin()).post("/api/v1/webhooks/" + id + "/deliveries/" + UUID.randomUUID() + "/retry")
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
    }
}
