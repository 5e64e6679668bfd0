package io.homeport.gateway.event;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.homeport.events.EventTypes;
import io.homeport.events.Topics;
import io.homeport.events.deployment.DeploymentStarted;
import io.homeport.events.host.HostLost;
import io.homeport.events.host.HostOnline;
import io.homeport.events.host.HostSuspect;
import io.homeport.testkit.EventWriter;
import io.homeport.testkit.InjectKafkaBroker;
import io.homeport.testkit.KafkaBroker;
import io.homeport.testkit.KafkaTestResource;
import io.homeport.testkit.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The event log fed from a real Kafka broker into a real PostgreSQL: pages, filters, the SSE stream and its resume,
 * redelivery, concurrent appends, retention. Each test uses subjects of its own (the log is shared).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class EventLogTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectKafkaBroker
    KafkaBroker broker;

    @Inject
    EventLog log;

    @Inject
    EventsConfig config;

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/api/v1/events/stream")
    URI stream;

    private static String viewer() {
        return OidcWiremockTestResource.getAccessToken("vic", Set.of("viewer"));
    }

    private static CloudEvent online(UUID host) {
        return TestEvents.event(EventTypes.HOST_ONLINE, host.toString(),
                new HostOnline(host, Instant.now(), Instant.now()));
    }

    private static CloudEvent suspect(UUID host) {
        return TestEvents.event(EventTypes.HOST_SUSPECT, host.toString(),
                new HostSuspect(host, Instant.now(), Instant.now()));
    }

    private static CloudEvent lost(UUID host) {
        return TestEvents.event(EventTypes.HOST_LOST, host.toString(), new HostLost(host, Instant.now(), Instant.now()));
    }

    private static CloudEvent deploymentStarted(String subject) {
        return TestEvents.event(EventTypes.DEPLOYMENT_STARTED, subject, new DeploymentStarted(UUID.randomUUID(),
                "web", 1, null, List.of(), Instant.now()));
    }

    private static JsonPath page(String query) {
        return given().auth().oauth2(viewer()).get("/api/v1/events?" + query).then().statusCode(200)
                .extract().jsonPath();
    }

    private void awaitLogged(String subject, int count) {
        await("the log holds " + count + " events of " + subject).atMost(WAIT).untilAsserted(() ->
                assertThat(page("subject=" + subject + "&limit=1000").getList("events")).hasSize(count));
    }

    @Test
    void eventsFromKafkaArePagedOldestFirstFilteredByTypeAndSubjectAndLoggedOnce() {
        UUID host = UUID.randomUUID();
        String subject = host.toString();
        CloudEvent online = online(host);
        try (EventWriter writer = new EventWriter(broker.bootstrapServers())) {
            writer.publish(Topics.HOSTS, online);
            writer.publish(Topics.HOSTS, suspect(host));
            writer.publish(Topics.HOSTS, online); // redelivered: logged once
            writer.publish(Topics.DEPLOYMENTS, deploymentStarted(subject));
            writer.publish(Topics.HOSTS, lost(host));
            writer.publishRaw(Topics.HOSTS, subject, "not a CloudEvent"); // skipped, the channel goes on
            writer.publish(Topics.HOSTS, lost(UUID.randomUUID())); // another subject
        }
        awaitLogged(subject, 4);

        JsonPath hostEvents = page("subject=" + subject + "&type=io.homeport.host.");
        assertThat(hostEvents.getList("events.type", String.class)).containsExactly(
                "io.homeport.host.online.v1", "io.homeport.host.suspect.v1", "io.homeport.host.lost.v1");
        assertThat(hostEvents.getString("events[0].id")).isEqualTo(online.getId());
        assertThat(hostEvents.getString("events[0].source")).isEqualTo("/homeport/test");
        assertThat(hostEvents.getString("events[0].data.hostId")).isEqualTo(subject);
        List<Long> seqs = hostEvents.getList("events.seq", Long.class);
        assertThat(seqs).isSorted().doesNotHaveDuplicates();

        assertThat(page("subject=" + subject + "&type=io.homeport.deployment.started.v1").getList("events.type"))
                .containsExactly("io.homeport.deployment.started.v1");
        assertThat(page("subject=" + subject + "&type=io.homeport.host.lost.v1&type=io.homeport.deployment.")
                .getList("events.type")).containsExactlyInAnyOrder("io.homeport.deployment.started.v1",
                        "io.homeport.host.lost.v1"); // two topics: no order between them
        assertThat(page("subject=" + subject + "&type=io.homeport.host").getList("events")).isEmpty();

        JsonPath first = page("subject=" + subject + "&limit=2");
        assertThat(first.getList("events")).hasSize(2);
        JsonPath rest = page("subject=" + subject + "&limit=2&after=" + first.getLong("next"));
        assertThat(rest.getList("events")).hasSize(2);
        assertThat(rest.getLong("events[0].seq")).isGreaterThan(first.getLong("events[1].seq"));
        JsonPath end = page("subject=" + subject + "&after=" + rest.getLong("next"));
        assertThat(end.getList("events")).isEmpty();
        assertThat(end.getLong("next")).isGreaterThanOrEqualTo(rest.getLong("events[1].seq"));
    }

    @Test
    void aStreamResumedWithLastEventIdGetsExactlyTheMissedEventsInOrderThenLiveOnes() throws Exception {
        UUID host = UUID.randomUUID();
        String subject = host.toString();
        String query = "?type=io.homeport.host.&subject=" + subject;
        List<CloudEvent> published = new ArrayList<>();
        try (EventWriter writer = new EventWriter(broker.bootstrapServers())) {
            for (int i = 0; i < 3; i++) {
                CloudEvent event = i % 2 == 0 ? online(host) : suspect(host);
                published.add(event);
                writer.publish(Topics.HOSTS, event);
                writer.publish(Topics.DEPLOYMENTS, deploymentStarted(subject)); // filtered out by type
                writer.publish(Topics.HOSTS, online(UUID.randomUUID())); // filtered out by subject
            }
        }

        String lastSeen;
        try (SseClient client = SseClient.open(URI.create(stream + query + "&after=0"), viewer(), null)) {
            assertThat(client.contentType()).startsWith("text/event-stream");
            List<SseClient.Message> first = client.next(3, WAIT);
            assertThat(first).extracting(SseClient.Message::event).containsExactly(
                    "io.homeport.host.online.v1", "io.homeport.host.suspect.v1", "io.homeport.host.online.v1");
            assertThat(first).extracting(message -> JSON.readTree(message.data()).get("id").asText())
                    .containsExactlyElementsOf(published.stream().map(CloudEvent::getId).toList());
            JsonNode cloudEvent = JSON.readTree(first.get(0).data());
            assertThat(cloudEvent.get("specversion").asText()).isEqualTo("1.0");
            assertThat(cloudEvent.get("subject").asText()).isEqualTo(subject);
            assertThat(cloudEvent.at("/data/hostId").asText()).isEqualTo(subject);
            lastSeen = first.get(2).id();
        }

        List<CloudEvent> missed = new ArrayList<>();
        try (EventWriter writer = new EventWriter(broker.bootstrapServers())) {
            for (int i = 0; i < 4; i++) {
                CloudEvent event = i == 3 ? lost(host) : suspect(host);
                missed.add(event);
                writer.publish(Topics.HOSTS, event);
                writer.publish(Topics.HOSTS, online(UUID.randomUUID()));
            }
        }
        awaitLogged(subject, 3 + 3 + 4);

        try (SseClient client = SseClient.open(URI.create(stream + query), viewer(), lastSeen)) {
            List<SseClient.Message> resumed = client.next(4, WAIT);
            assertThat(resumed).extracting(message -> JSON.readTree(message.data()).get("id").asText())
                    .containsExactlyElementsOf(missed.stream().map(CloudEvent::getId).toList());
            assertThat(resumed).extracting(message -> Long.parseLong(message.id())).isSorted()
                    .allSatisfy(seq -> assertThat(seq).isGreaterThan(Long.parseLong(lastSeen)));
            assertThat(client.next(Duration.ofMillis(1500))).as("nothing twice").isNull();
            assertThat(client.comments()).as("keep-alive comments while idle").isPositive();

            CloudEvent live = lost(host);
            try (EventWriter writer = new EventWriter(broker.bootstrapServers())) {
                writer.publish(Topics.HOSTS, live);
            }
            SseClient.Message next = client.next(WAIT);
            assertThat(next).isNotNull();
            assertThat(JSON.readTree(next.data()).get("id").asText()).isEqualTo(live.getId());
            assertThat(Long.parseLong(next.id())).isGreaterThan(Long.parseLong(resumed.get(3).id()));
        }
    }

    @Test
    void aStreamWithoutAPositionStartsWithTheNextEvent() throws Exception {
        UUID host = UUID.randomUUID();
        try (EventWriter writer = new EventWriter(broker.bootstrapServers())) {
            writer.publish(Topics.HOSTS, online(host));
        }
        awaitLogged(host.toString(), 1);
        try (SseClient client = SseClient.open(URI.create(stream + "?subject=" + host), viewer(), null)) {
            CloudEvent next = lost(host);
            try (EventWriter writer = new EventWriter(broker.bootstrapServers())) {
                writer.publish(Topics.HOSTS, next);
            }
            SseClient.Message message = client.next(WAIT);
            assertThat(message).isNotNull();
            assertThat(JSON.readTree(message.data()).get("id").asText()).isEqualTo(next.getId());
        }
    }

    /**
     * Appends from several threads at once while a reader pages on: the reader must see every event once, in
     * {@code seq} order, although bigserial values commit out of order when appends are not serialized.
     */
    @Test
    void concurrentAppendsNeverLetAReaderPassASeqThatCommitsLate() throws Exception {
        String subject = "race-" + UUID.randomUUID();
        int writers = 4;
        int each = 100;
        EventFilter filter = EventFilter.of(List.of(), List.of(subject), "type", "subject");
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        try {
            Future<?> reader = pool.submit(() -> {
                long after = 0;
                long lastSeq = 0;
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (seen.size() < writers * each && System.nanoTime() < deadline) {
                    EventLog.Page page = log.read(filter, after, 7);
                    for (LoggedEvent event : page.events()) {
                        assertThat(event.seq()).isGreaterThan(lastSeq);
                        lastSeq = event.seq();
                        seen.add(event.id());
                    }
                    after = page.next();
                }
                return null;
            });
            List<Future<?>> appends = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                appends.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        log.append(TestEvents.event(EventTypes.HOST_ONLINE, subject,
                                new HostOnline(UUID.randomUUID(), Instant.now(), Instant.now())));
                    }
                    return null;
                }));
            }
            for (Future<?> append : appends) {
                append.get();
            }
            reader.get();
        } finally {
            pool.shutdownNow();
        }
        assertThat(seen).hasSize(writers * each).doesNotHaveDuplicates();
    }

    @Test
    void eventsOlderThanTheRetentionArePruned() throws Exception {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        try (EventWriter writer = new EventWriter(broker.bootstrapServers())) {
            writer.publish(Topics.HOSTS, online(old));
            writer.publish(Topics.HOSTS, online(recent));
        }
        awaitLogged(old.toString(), 1);
        awaitLogged(recent.toString(), 1);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement age = connection.prepareStatement(
                        "UPDATE event_log SET logged_at = now() - interval '31 days' WHERE subject = ?")) {
            age.setString(1, old.toString());
            assertThat(age.executeUpdate()).isEqualTo(1);
        }

        assertThat(config.retention()).isEqualTo(Duration.ofDays(30));
        assertThat(log.prune(Instant.now().minus(config.retention()))).isGreaterThanOrEqualTo(1);

        assertThat(page("subject=" + old).getList("events")).isEmpty();
        assertThat(page("subject=" + recent).getList("events")).hasSize(1);
    }

    @Test
    void badPositionsFiltersAndLimitsAre400ProblemsNamingTheField() {
        given().auth().oauth2(viewer()).get("/api/v1/events?type=io.homeport.%25").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("type"));
        given().auth().oauth2(viewer()).get("/api/v1/events?limit=0").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("limit"));
        given().auth().oauth2(viewer()).get("/api/v1/events?limit=1001").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(viewer()).get("/api/v1/events?after=-1").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(viewer()).get("/api/v1/events?after=abc").then().statusCode(400)
                .contentType("application/problem+json");
        assertThat(SseClient.refusal(stream, viewer(), "abc")).satisfies(refusal -> {
            assertThat(refusal.status()).isEqualTo(400);
            assertThat(refusal.contentType()).startsWith("application/problem+json");
            assertThat(refusal.body()).contains("\"field\":\"Last-Event-ID\"");
        });
        assertThat(SseClient.refusal(URI.create(stream + "?subject=%20"), viewer(), null)).satisfies(refusal -> {
            assertThat(refusal.status()).isEqualTo(400);
            assertThat(refusal.body()).contains("\"field\":\"subject\"");
        });
        assertThat(SseClient.refusal(stream, null, null).status()).isEqualTo(401);
    }
}
