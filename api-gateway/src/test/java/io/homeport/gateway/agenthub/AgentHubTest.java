package io.homeport.gateway.agenthub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.homeport.agent.protocol.ContainerSpec;
import io.homeport.agent.protocol.Frame;
import io.homeport.agent.protocol.Frames;
import io.homeport.agent.protocol.HostVolume;
import io.homeport.agent.protocol.MountHealth;
import io.homeport.agent.protocol.PullPolicy;
import io.homeport.agent.protocol.VolumeState;
import io.homeport.events.EventCodec;
import io.homeport.events.EventTypes;
import io.homeport.events.Topics;
import io.homeport.events.agent.AgentDesiredState;
import io.homeport.events.agent.AgentReported;
import io.homeport.events.host.HostReplaced;
import io.homeport.gateway.agenthub.HubAgents.Agent;
import io.homeport.gateway.audit.AuditLog;
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
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class AgentHubTest {

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

    private Agent enrolled() {
        return agents().enrolled();
    }

    private AgentLink connect(Agent agent) {
        return agents().connect(agent);
    }

    private void publishDesired(UUID hostId, long revision, String app) {
        publishDesired(hostId, revision, app, List.of());
    }

    private void publishDesired(UUID hostId, long revision, String app, List<HostVolume> volumes) {
        ContainerSpec spec = new ContainerSpec(app, 0, revision, "local/busybox:1", List.of("sleep", "60"), null,
                null, null, null, PullPolicy.NEVER);
        try (EventWriter writer = new EventWriter(broker.bootstrapServers())) {
            writer.publish(Topics.AGENT_DESIRED_STATE, EventCodec.create(EventTypes.AGENT_DESIRED_STATE,
                    URI.create("/homeport/deployer"), hostId.toString(),
                    new AgentDesiredState(hostId, revision, List.of(spec), volumes), Clock.systemUTC()));
        }
    }

    private static Frame.Desired nextDesired(AgentLink link) throws InterruptedException {
        Frame frame = link.next(WAIT);
        assertThat(frame).isInstanceOf(Frame.Desired.class);
        return (Frame.Desired) frame;
    }

    @Test
    void eachAgentReceivesOnlyItsOwnHostsDesiredState() throws Exception {
        Agent a = enrolled();
        Agent b = enrolled();
        try (AgentLink linkA = connect(a); AgentLink linkB = connect(b)) {
            publishDesired(a.hostId(), 1, "only-for-a");
            publishDesired(b.hostId(), 7, "only-for-b");

            Frame.Desired forA = nextDesired(linkA);
            Frame.Desired forB = nextDesired(linkB);

            assertThat(forA.revision()).isEqualTo(1);
            assertThat(forA.containers()).extracting(ContainerSpec::app).containsExactly("only-for-a");
            assertThat(forB.revision()).isEqualTo(7);
            assertThat(forB.containers()).extracting(ContainerSpec::app).containsExactly("only-for-b");
            assertThat(linkA.next(Duration.ofMillis(500))).as("nothing else for A").isNull();
            assertThat(linkB.next(Duration.ofMillis(500))).as("nothing else for B").isNull();
        }
    }

    @Test
    void theDesiredStateCarriesTheVolumeLeasesTheHostHolds() throws Exception {
        Agent a = enrolled();
        HostVolume lease = new HostVolume("db", "data", HostVolume.LOCAL_SYNCED, "/var/lib/homeport/volumes/db/data",
                "cloud:volumes/db/data", "cloud:replaced/db/data", "cloud:fences/db/data", 4, 60);
        try (AgentLink link = connect(a)) {
            publishDesired(a.hostId(), 5, "with-volume", List.of(lease));

            Frame.Desired desired = nextDesired(link);

            assertThat(desired.revision()).isEqualTo(5);
            assertThat(desired.volumes()).containsExactly(lease);
        }
    }

    @Test
    void aReconnectingAgentGetsTheLatestDesiredStateRightAfterHello() throws Exception {
        Agent a = enrolled();
        publishDesired(a.hostId(), 3, "before-connect");
        Thread.sleep(1_000); // the hub reads the topic meanwhile
        try (AgentLink first = connect(a)) {
            assertThat(nextDesired(first).revision()).isEqualTo(3);
        }
        try (AgentLink again = connect(a)) {
            assertThat(nextDesired(again).revision()).isEqualTo(3);
        }
    }

    @Test
    void aMissingOrUnknownCredentialIsRefusedWithAReason() {
        try (AgentLink stranger = agents().open("hpa_made-up")) {
            AgentLink.Closed closed = stranger.closed(WAIT);
            assertThat(closed).isNotNull();
            assertThat(closed.code()).isEqualTo(AgentHubSocket.UNAUTHORIZED);
            assertThat(closed.reason()).contains("credential");
        }
    }

    @Test
    void aMalformedFrameClosesThatConnectionOnly() throws Exception {
        Agent a = enrolled();
        Agent b = enrolled();
        try (AgentLink linkA = connect(a); AgentLink linkB = connect(b)) {
            linkA.sendRaw("{\"type\":\"teleport\"}");

            AgentLink.Closed closed = linkA.closed(WAIT);
            assertThat(closed).isNotNull();
            assertThat(closed.code()).isEqualTo(AgentHubSocket.BAD_FRAME);
            assertThat(closed.reason()).startsWith("malformed frame");

            publishDesired(b.hostId(), 2, "still-served");
            assertThat(nextDesired(linkB).revision()).isEqualTo(2);
        }
    }

    @Test
    void anUnsupportedProtocolVersionIsRefused() {
        Agent a = enrolled();
        try (AgentLink link = agents().open(a.credential())) {
            link.send(new Frame.Hello(99, "future", a.hostId(), null, null));
            AgentLink.Closed closed = link.closed(WAIT);
            assertThat(closed).isNotNull();
            assertThat(closed.code()).isEqualTo(AgentHubSocket.UNSUPPORTED_VERSION);
            assertThat(closed.reason()).contains("99").contains("speaks 1");
        }
    }

    @Test
    void revokingTheCredentialDisconnectsTheAgentAtOnce() {
        Agent a = enrolled();
        try (AgentLink link = connect(a)) {
            RestAssured.given().auth().oauth2(OidcWiremockTestResource.getAccessToken("ada", Set.of("admin")))
                    .delete("/api/v1/agents/" + a.hostId() + "/credentials").then().statusCode(204);

            AgentLink.Closed closed = link.closed(WAIT);
            assertThat(closed).isNotNull();
            assertThat(closed.code()).isEqualTo(AgentSessions.REVOKED);
        }
        try (AgentLink again = agents().open(a.credential())) {
            assertThat(again.closed(WAIT).code()).isEqualTo(AgentHubSocket.UNAUTHORIZED);
        }
    }

    @Test
    void aReplacedHostsAgentIsRetiredAtOnceAndWheneverItDialsAgain() {
        Agent a = enrolled();
        try (AgentLink link = connect(a); EventWriter writer = new EventWriter(broker.bootstrapServers())) {
            writer.publish(Topics.HOSTS, EventCodec.create(EventTypes.HOST_REPLACED,
                    URI.create("/homeport/provisioner"), a.hostId().toString(), new HostReplaced(a.hostId(), "old",
                            UUID.randomUUID(), UUID.randomUUID(), Instant.now()), Clock.systemUTC()));

            AgentLink.Closed closed = link.closed(WAIT);
            assertThat(closed).isNotNull();
            assertThat(closed.code()).isEqualTo(Frames.CLOSE_RETIRED);
        }
        try (AgentLink again = agents().open(a.credential())) {
            AgentLink.Closed closed = again.closed(WAIT);
            assertThat(closed.code()).isEqualTo(Frames.CLOSE_RETIRED);
            assertThat(closed.reason()).contains("replaced or decommissioned");
        }
    }

    @Test
    void reportsAreRelayedToKafkaForTheirHost() {
        Agent a = enrolled();
        try (AgentLink link = connect(a); EventReader reader = new EventReader(broker.bootstrapServers(),
                Topics.AGENT_REPORTS)) {
            MountHealth mount = new MountHealth("/mnt/homeport", false, 3L, 1L, 2L, "canary not read back",
                    Instant.parse("2026-11-25T11:59:58Z"));
            VolumeState volume = new VolumeState("db", "data", 4, VolumeState.Lease.HELD, 4L,
                    Instant.parse("2026-11-25T11:59:00Z"), true, null, false);
            link.send(new Frame.Report(true, List.of(), Instant.parse("2026-11-25T12:00:00Z"), List.of(mount),
                    List.of(volume)));

            var records = reader.readUntil(e -> e.getType().equals(EventTypes.AGENT_REPORTED.type())
                    && a.hostId().toString().equals(e.getSubject()), WAIT);
            AgentReported reported = records.stream().map(r -> r.value())
                    .filter(e -> e.getType().equals(EventTypes.AGENT_REPORTED.type())
                            && a.hostId().toString().equals(e.getSubject()))
                    .map(e -> EventCodec.payload(e, EventTypes.AGENT_REPORTED)).findFirst()
                    .orElseThrow(() -> new AssertionError("no report relayed for " + a.hostId()));
            assertThat(reported.full()).isTrue();
            assertThat(reported.mounts()).containsExactly(mount);
            assertThat(reported.volumes()).containsExactly(volume);
            assertThat(records).anyMatch(r -> r.value().getType().equals(EventTypes.AGENT_CONNECTED.type())
                    && a.hostId().toString().equals(r.key()));
        }
    }

    // --- issue 8: agents' connects are audited ---

    @Inject
    AuditLog audit;

    @Test
    void anAgentsConnectIsAuditedAsItsHostAndARefusalAsAnonymous() {
        Instant from = Instant.now().minusSeconds(1);
        Agent a = enrolled();
        try (AgentLink link = connect(a); AgentLink stranger = agents().open("hpa_made-up")) {
            assertThat(stranger.closed(WAIT)).isNotNull();
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(audit.query(from, null, "host:" + a.hostId(), null, null, 10)).singleElement()
                        .satisfies(entry -> {
                            assertThat(entry.actorKind()).isEqualTo("agent");
                            assertThat(entry.action()).isEqualTo("CONNECT /api/v1/agents/connect");
                            assertThat(entry.status()).isEqualTo(101);
                        });
                assertThat(audit.query(from, null, "anonymous", "/api/v1/agents/connect", null, 100))
                        .anyMatch(entry -> entry.status() == AgentHubSocket.UNAUTHORIZED);
            });
        }
    }
}
