package io.homeport.gateway.agenthub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.cloudevents.CloudEvent;
import io.homeport.agent.protocol.Commands;
import io.homeport.agent.protocol.Frame;
import io.homeport.events.EventCodec;
import io.homeport.events.EventTypes;
import io.homeport.events.Topics;
import io.homeport.events.agent.AgentCommandCompleted;
import io.homeport.events.agent.AgentCommandProgress;
import io.homeport.events.agent.AgentCommandRequested;
import io.homeport.gateway.agenthub.HubAgents.Agent;
import io.homeport.gateway.enrollment.EnrollmentService;
import io.homeport.testkit.AgentLink;
import io.homeport.testkit.EventReader;
import io.homeport.testkit.EventWriter;
import io.homeport.testkit.InjectKafkaBroker;
import io.homeport.testkit.KafkaBroker;
import io.homeport.testkit.KafkaTestResource;
import io.homeport.testkit.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** One-shot commands through the hub: from the REST API and from Kafka, to the right agent, and back. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class AgentCommandsTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @InjectKafkaBroker
    KafkaBroker broker;

    @Inject
    EnrollmentService enrollment;

    @TestHTTPResource("/api/v1/agents/connect")
    URI hub;

    private HubAgents agents() {
        return new HubAgents(enrollment, hub);
    }

    private static RequestSpecification as(String role) {
        return RestAssured.given().auth().oauth2(OidcWiremockTestResource.getAccessToken("ada", Set.of(role)));
    }

    private static Frame.Command nextCommand(AgentLink link) throws InterruptedException {
        Frame frame = link.next(WAIT);
        assertThat(frame).isInstanceOf(Frame.Command.class);
        return (Frame.Command) frame;
    }

    private static <T> T event(EventReader reader, io.homeport.events.EventType<T> type, UUID commandId,
            java.util.function.Function<T, UUID> idOf) {
        return reader.readUntil(e -> e.getType().equals(type.type())
                        && commandId.equals(idOf.apply(EventCodec.payload(e, type))), WAIT).stream()
                .map(record -> record.value()).filter(e -> e.getType().equals(type.type()))
                .map(e -> EventCodec.payload(e, type)).filter(p -> commandId.equals(idOf.apply(p))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.type() + " for command " + commandId));
    }

    @Test
    void logsComeFromTheHostsAgentToTheCallerButNeverIntoTheEventLog() throws Exception {
        Agent a = agents().enrolled();
        try (AgentLink link = agents().connect(a);
                EventReader reader = new EventReader(broker.bootstrapServers(), Topics.AGENT_REPORTS)) {
            CompletableFuture<Response> call = CompletableFuture.supplyAsync(() -> as("viewer")
                    .get("/api/v1/hosts/" + a.hostId() + "/containers/hp-web-0/logs?tail=2"));

            Frame.Command command = nextCommand(link);
            assertThat(command.kind()).isEqualTo(Commands.LOGS);
            assertThat(command.args()).containsEntry(Commands.CONTAINER, "hp-web-0").containsEntry(Commands.TAIL, "2");
            link.send(Frame.Result.succeeded(command.id(), "secret=hunter2 line 1\nline 2\n"));

            Response response = call.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.asString()).isEqualTo("secret=hunter2 line 1\nline 2\n");

            AgentCommandCompleted completed = event(reader, EventTypes.AGENT_COMMAND_COMPLETED, command.id(),
                    AgentCommandCompleted::commandId);
            assertThat(completed.succeeded()).isTrue();
            assertThat(completed.kind()).isEqualTo(Commands.LOGS);
            assertThat(completed.output()).isEqualTo("2 lines, delivered to the caller only");
        }
    }

    @Test
    void anAgentsRefusalBecomesTheMatchingProblem() throws Exception {
        Agent a = agents().enrolled();
        try (AgentLink link = agents().connect(a)) {
            CompletableFuture<Response> call = CompletableFuture.supplyAsync(() -> as("operator")
                    .post("/api/v1/hosts/" + a.hostId() + "/containers/portainer/restart"));

            Frame.Command command = nextCommand(link);
            assertThat(command.kind()).isEqualTo(Commands.RESTART);
            link.send(Frame.Result.failed(command.id(), Frame.Failure.REFUSED,
                    "container portainer is not managed by Homeport"));

            Response response = call.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(409);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.jsonPath().getString("detail"))
                    .isEqualTo("container portainer is not managed by Homeport");
        }
    }

    @Test
    void aRestartAnswersWithTheAgentsOutput() throws Exception {
        Agent a = agents().enrolled();
        try (AgentLink link = agents().connect(a)) {
            CompletableFuture<Response> call = CompletableFuture.supplyAsync(() -> as("admin")
                    .post("/api/v1/hosts/" + a.hostId() + "/containers/hp-web-0/restart?timeout=3"));

            Frame.Command command = nextCommand(link);
            assertThat(command.args()).containsEntry(Commands.TIMEOUT, "3");
            link.send(Frame.Result.succeeded(command.id(), "restarted hp-web-0"));

            Response response = call.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.jsonPath().getString("output")).isEqualTo("restarted hp-web-0");
            assertThat(response.jsonPath().getString("commandId")).isEqualTo(command.id().toString());
        }
    }

    @Test
    void badRequestsRolesAndAbsentAgentsAreRefusedWithAReason() {
        UUID nowhere = UUID.randomUUID();
        as("viewer").post("/api/v1/hosts/" + nowhere + "/containers/hp-web-0/restart").then().statusCode(403);
        RestAssured.get("/api/v1/hosts/" + nowhere + "/containers/hp-web-0/logs").then().statusCode(401);
        as("viewer").get("/api/v1/hosts/" + nowhere + "/containers/hp-web-0/logs?tail=0").then().statusCode(400)
                .contentType("application/problem+json");
        as("viewer").get("/api/v1/hosts/" + nowhere + "/containers/hp-web-0/logs?tail=10001").then().statusCode(400);
        as("viewer").get("/api/v1/hosts/" + nowhere + "/containers/-rf/logs").then().statusCode(400);
        as("operator").post("/api/v1/hosts/" + nowhere + "/containers/hp-web-0/restart").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", equalTo("the agent of host " + nowhere + " is not connected"));
    }

    @Test
    void aCommandFromKafkaReachesOnlyItsHostAndItsProgressAndResultAreRelayed() throws Exception {
        Agent a = agents().enrolled();
        Agent b = agents().enrolled();
        try (AgentLink linkA = agents().connect(a); AgentLink linkB = agents().connect(b);
                EventReader reader = new EventReader(broker.bootstrapServers(), Topics.AGENT_REPORTS)) {
            Frame.Command sync = Commands.rclone("sync", "/srv/app", "gdrive:apps/app", Map.of());
            Frame.Command received = requestUntilDelivered(a, sync, linkA);

            assertThat(received).isEqualTo(sync);
            assertThat(linkB.next(Duration.ofMillis(500))).as("nothing for B").isNull();

            linkA.send(new Frame.Progress(sync.id(), 40, 400L, 1000L, "1 of 2 files"));
            linkB.send(Frame.Result.failed(sync.id(), Frame.Failure.FAILED, "B answering for A")); // ignored
            linkA.send(Frame.Result.succeeded(sync.id(), "done: 2 of 2 files, 1000 bytes"));

            AgentCommandProgress progress = event(reader, EventTypes.AGENT_COMMAND_PROGRESS, sync.id(),
                    AgentCommandProgress::commandId);
            assertThat(progress.hostId()).isEqualTo(a.hostId());
            assertThat(progress.percent()).isEqualTo(40);
            assertThat(progress.totalBytes()).isEqualTo(1000L);
            AgentCommandCompleted completed = event(reader, EventTypes.AGENT_COMMAND_COMPLETED, sync.id(),
                    AgentCommandCompleted::commandId);
            assertThat(completed.hostId()).isEqualTo(a.hostId());
            assertThat(completed.succeeded()).isTrue();
            assertThat(completed.output()).isEqualTo("done: 2 of 2 files, 1000 bytes");
            assertThat(reader.readFor(Duration.ofMillis(500))).map(record -> record.value())
                    .filteredOn(e -> e.getType().equals(EventTypes.AGENT_COMMAND_COMPLETED.type()))
                    .filteredOn(e -> sync.id().equals(EventCodec.payload(e, EventTypes.AGENT_COMMAND_COMPLETED)
                            .commandId()))
                    .as("one completion, from A").hasSize(1);
        }
    }

    @Test
    void aCommandForAnAgentNotConnectedWaitsForItUntilItExpires() throws Exception {
        Agent a = agents().enrolled();
        Agent late = agents().enrolled();
        Agent tooLate = agents().enrolled();
        try (AgentLink linkA = agents().connect(a)) {
            requestUntilDelivered(a, Commands.logs("hp-probe-0", 1), linkA); // the hub reads the topic now
        }
        Frame.Command waiting = Commands.restart("hp-web-0", 10);
        request(late.hostId(), waiting, Instant.now().plusSeconds(60));
        Frame.Command expiring = Commands.restart("hp-web-0", 10);
        request(tooLate.hostId(), expiring, Instant.now().plusMillis(500));
        Thread.sleep(1_500);

        try (AgentLink lateLink = agents().connect(late); AgentLink tooLateLink = agents().connect(tooLate)) {
            assertThat(nextCommand(lateLink)).isEqualTo(waiting);
            assertThat(tooLateLink.next(Duration.ofSeconds(1))).as("expired before its agent came").isNull();
        }
    }

    private void request(UUID hostId, Frame.Command command, Instant expiresAt) {
        try (EventWriter writer = new EventWriter(broker.bootstrapServers())) {
            writer.publish(Topics.AGENT_COMMANDS, EventCodec.create(EventTypes.AGENT_COMMAND_REQUESTED,
                    URI.create("/homeport/storage-manager"), hostId.toString(),
                    new AgentCommandRequested(command.id(), hostId, command.kind(), command.args(), expiresAt),
                    Clock.systemUTC()));
        }
    }

    /**
     * Requests the command until the agent receives it: the hub reads commands from the latest offset of the
     * moment its consumer joined, so the very first ones of a fresh gateway may come before it listens.
     */
    private Frame.Command requestUntilDelivered(Agent agent, Frame.Command command, AgentLink link)
            throws InterruptedException {
        for (int attempt = 0; attempt < 30; attempt++) {
            request(agent.hostId(), command, Instant.now().plusSeconds(60));
            Frame frame = link.next(Duration.ofSeconds(1));
            if (frame != null) {
                assertThat(frame).isInstanceOf(Frame.Command.class);
                drain(link);
                return (Frame.Command) frame;
            }
        }
        throw new AssertionError("the hub never delivered " + command.kind());
    }

    /** The same command requested again is delivered again; the agent skips ids it has seen. */
    private static void drain(AgentLink link) throws InterruptedException {
        while (link.next(Duration.ofMillis(300)) != null) {
            // a repeat of the request above
        }
    }
}
