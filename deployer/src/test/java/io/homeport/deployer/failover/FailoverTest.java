package io.homeport.deployer.failover;

import static io.homeport.testkit.ServiceCalls.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import io.cloudevents.CloudEvent;
import io.homeport.agent.protocol.HostVolume;
import io.homeport.agent.protocol.VolumeState;
import io.homeport.deployer.FakeHub;
import io.homeport.events.EventCodec;
import io.homeport.events.EventType;
import io.homeport.events.EventTypes;
import io.homeport.events.Topics;
import io.homeport.events.agent.AgentDesiredState;
import io.homeport.events.failover.AppFailoverStarted;
import io.homeport.events.failover.AppMoved;
import io.homeport.events.failover.HostEvacuationCompleted;
import io.homeport.events.host.HostLost;
import io.homeport.events.failover.HostEvacuationStarted;
import io.homeport.events.host.HostRegistered;
import io.homeport.events.host.HostReplaced;
import io.homeport.events.host.HostOnline;
import io.homeport.events.storage.VolumeReady;
import io.homeport.events.storage.VolumeRequested;
import io.homeport.testkit.EventReader;
import io.homeport.testkit.EventWriter;
import io.homeport.testkit.InjectKafkaBroker;
import io.homeport.testkit.KafkaBroker;
import io.homeport.testkit.KafkaTestResource;
import io.homeport.testkit.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Failover and evacuation with real Kafka and PostgreSQL: the provisioner's host.lost / host.online, the agents'
 * reports and the storage-manager's grants published as those services do; the deployer's desired states, volume
 * requests and failover events read back from the topics.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class FailoverTest {

    @InjectKafkaBroker
    KafkaBroker broker;

    private final FakeHub hub = new FakeHub(() -> broker);

    @Test
    void aLostHostsAutoAppsMoveWithTheirVolumesAndTheOthersAreStrandedOnce() {
        String pool = "pool: lost-" + UUID.randomUUID().toString().substring(0, 8);
        UUID a = hub.labelledHost("lost-a", labels(pool), 2, 4096);
        UUID b = hub.labelledHost("lost-b", labels(pool), 2, 2048);
        String keeper = "name: keeper\nimage: local/keeper:1\nfailover: auto\nplacement: {constraints: {" + pool
                + "}}\nvolumes: [{name: data, mode: local-synced, mountPath: /data}]\n";
        String pinned = "name: pinned\nimage: local/pinned:1\nplacement: {constraints: {" + pool + "}}\n";
        try (EventReader storage = new EventReader(broker.bootstrapServers(), Topics.STORAGE);
                EventReader desired = new EventReader(broker.bootstrapServers(), Topics.AGENT_DESIRED_STATE);
                EventReader deployments = new EventReader(broker.bootstrapServers(), Topics.DEPLOYMENTS)) {
            String first = JsonPath.from(FakeHub.deploy("POST", "/api/v1/apps", keeper, 202)).getString("id");
            requested(storage, "keeper", a);
            grant("keeper", 1, a, null);
            awaitState(first, "IN_PROGRESS");
            hub.report(a, "keeper", 0, 1, "running", null);
            awaitState(first, "SUCCEEDED");
            FakeHub.deploy("POST", "/api/v1/apps", pinned, 202);
            given().get("/api/v1/apps/pinned").then().body("replicas[0].hostId", equalTo(a.toString()));

            CloudEvent lost = EventCodec.create(EventTypes.HOST_LOST, URI.create("/homeport/provisioner"),
                    a.toString(), new HostLost(a, Instant.now().minusSeconds(10), Instant.now()), Clock.systemUTC());
            publish(lost);

            AppFailoverStarted started = FakeHub.next(deployments, EventTypes.APP_FAILOVER_STARTED,
                    s -> s.app().equals("keeper"));
            assertThat(started.fromHostId()).isEqualTo(a);
            assertThat(started.toHostId()).isEqualTo(b);
            assertThat(started.reason()).isEqualTo("host-lost");
            assertThat(FakeHub.next(deployments, EventTypes.APP_FAILOVER_STRANDED, s -> s.app().equals("pinned"))
                    .reason()).contains("failover policy is manual").contains("/evacuate");
            // the holder is lost: the volume is requested for B from its last synced copy, once the fence wait has
            // passed (A, if only cut off, has stopped writing by then)
            requested(storage, "keeper", b);
            assertThat(Duration.between(lost.getTime().toInstant(), Instant.now()))
                    .as("the fence wait (PT3S in tests)").isGreaterThanOrEqualTo(Duration.ofSeconds(3));
            FakeHub.next(desired, EventTypes.AGENT_DESIRED_STATE, d -> d.hostId().equals(a) && !runs(d, "keeper")
                    && runs(d, "pinned"));
            given().get("/api/v1/apps/keeper").then().body("lastMove.state", equalTo("moving"));

            grant("keeper", 2, b, a);
            AppMoved moved = FakeHub.next(deployments, EventTypes.APP_MOVED, m -> m.app().equals("keeper"));
            assertThat(moved.toHostId()).isEqualTo(b);
            assertThat(moved.deploymentId()).isEqualTo(started.deploymentId());
            AgentDesiredState onB = FakeHub.next(desired, EventTypes.AGENT_DESIRED_STATE,
                    d -> d.hostId().equals(b) && runs(d, "keeper"));
            assertThat(onB.volumes()).extracting(HostVolume::epoch).containsExactly(2L);
            FakeHub.next(desired, EventTypes.AGENT_DESIRED_STATE, d -> d.hostId().equals(a) && !runs(d, "keeper")
                    && d.volumes().isEmpty());
            given().get("/api/v1/apps/keeper").then().body("replicas.hostId", everyItem(equalTo(b.toString())))
                    .body("lastMove.from", equalTo(a.toString())).body("lastMove.to", equalTo(b.toString()))
                    .body("lastMove.reason", equalTo("host-lost")).body("lastMove.state", equalTo("moved"));
            for (UUID host : List.of(a, b)) { // the hosts' side of it: off A, onto B
                given().get("/api/v1/hosts/" + host + "/moves").then().statusCode(200)
                        .body("app", contains("keeper")).body("[0].from", equalTo(a.toString()))
                        .body("[0].to", equalTo(b.toString())).body("[0].reason", equalTo("host-lost"))
                        .body("[0].state", equalTo("moved"));
            }

            // the same event delivered again, then another host.lost for A, then A back online: nothing moves again
            publish(lost);
            hub.publish(Topics.HOSTS, EventTypes.HOST_LOST, a, new HostLost(a, Instant.now(), Instant.now()));
            hub.publish(Topics.HOSTS, EventTypes.HOST_ONLINE, a, new HostOnline(a, Instant.now(), Instant.now()));
            FakeHub.next(deployments, EventTypes.APP_FAILOVER_STRANDED, s -> s.app().equals("pinned")
                    && deployments.readFor(Duration.ZERO).stream().filter(r -> r.key().equals("pinned")
                            && r.value().getType().equals(EventTypes.APP_FAILOVER_STRANDED.type())).count() == 2);
            assertThat(count(deployments.readFor(Duration.ofSeconds(2)), EventTypes.APP_FAILOVER_STARTED, "keeper"))
                    .as("keeper moved once").isEqualTo(1);
            assertThat(count(deployments.readFor(Duration.ZERO), EventTypes.APP_FAILOVER_STRANDED, "pinned"))
                    .as("stranded once per host.lost, not per delivery").isEqualTo(2);
            assertThat(storage.readFor(Duration.ZERO).stream()
                    .filter(r -> r.value().getType().equals(EventTypes.VOLUME_REQUESTED.type())
                            && r.key().equals("keeper/data"))).hasSize(2);
            given().get("/api/v1/apps/keeper").then().body("replicas.hostId", everyItem(equalTo(b.toString())));
        }
    }

    @Test
    void evacuatingAHealthyHostWaitsForTheFinalSyncMovesEverythingAndDrainsIt() {
        String pool = "pool: evac-" + UUID.randomUUID().toString().substring(0, 8);
        UUID c = hub.labelledHost("evac-c", labels(pool), 2, 4096);
        UUID d = hub.labelledHost("evac-d", labels(pool), 2, 2048);
        String ledger = "name: ledger2\nimage: local/ledger:1\nfailover: manual\nplacement: {constraints: {" + pool
                + "}}\nvolumes: [{name: data, mode: local-synced, mountPath: /data}]\n";
        String web = "name: web2\nimage: local/web:1\nfailover: none\nplacement: {constraints: {" + pool + "}}\n";
        try (EventReader storage = new EventReader(broker.bootstrapServers(), Topics.STORAGE);
                EventReader desired = new EventReader(broker.bootstrapServers(), Topics.AGENT_DESIRED_STATE);
                EventReader deployments = new EventReader(broker.bootstrapServers(), Topics.DEPLOYMENTS)) {
            String first = JsonPath.from(FakeHub.deploy("POST", "/api/v1/apps", ledger, 202)).getString("id");
            requested(storage, "ledger2", c);
            grant("ledger2", 1, c, null);
            hub.report(c, "ledger2", 0, 1, "running", null);
            awaitState(first, "SUCCEEDED");
            FakeHub.deploy("POST", "/api/v1/apps", web, 202);

            given().post("/api/v1/hosts/" + UUID.randomUUID() + "/evacuate").then().statusCode(404)
                    .contentType("application/problem+json");
            given().queryParam("to", c).post("/api/v1/hosts/" + c + "/evacuate").then().statusCode(409)
                    .contentType("application/problem+json").body("detail", containsString("to itself"));
            given().queryParam("to", UUID.randomUUID()).post("/api/v1/hosts/" + c + "/evacuate").then()
                    .statusCode(409).body("detail", containsString("knows no such host"));
            UUID gone = hub.labelledHost("evac-gone", labels(pool), 8, 16384);
            hub.disconnect(gone);
            await().atMost(FakeHub.WAIT).untilAsserted(() -> given().queryParam("to", gone)
                    .post("/api/v1/hosts/" + c + "/evacuate").then().statusCode(409)
                    .body("detail", containsString("not connected")));
            given().get("/api/v1/apps/web2").then().body("replicas[0].hostId", equalTo(c.toString()));

            given().queryParam("to", d).post("/api/v1/hosts/" + c + "/evacuate").then().statusCode(202)
                    .body("drained", equalTo(true)).body("moving.app", containsInAnyOrder("ledger2", "web2"))
                    .body("moving.to", everyItem(equalTo(d.toString())));
            FakeHub.next(deployments, EventTypes.HOST_EVACUATION_STARTED, e -> e.hostId().equals(c));
            // web2 has no volume: it is on D at once; ledger2 waits for C to stop it and sync it one last time
            FakeHub.next(desired, EventTypes.AGENT_DESIRED_STATE, s -> s.hostId().equals(d) && runs(s, "web2"));
            FakeHub.next(desired, EventTypes.AGENT_DESIRED_STATE, s -> s.hostId().equals(c) && !runs(s, "ledger2")
                    && !runs(s, "web2") && s.volumes().size() == 1);
            assertThat(storage.readFor(Duration.ofSeconds(2)).stream()
                    .filter(r -> r.value().getType().equals(EventTypes.VOLUME_REQUESTED.type()))
                    .map(r -> EventCodec.payload(r.value(), EventTypes.VOLUME_REQUESTED))
                    .filter(r -> r.app().equals("ledger2") && d.equals(r.hostId())))
                    .as("not requested for D before C let go of it").isEmpty();
            hub.reportVolumes(c, List.of(new VolumeState("ledger2", "data", 1L, VolumeState.Lease.HELD, 1L,
                    Instant.now(), true, null, true)));
            requested(storage, "ledger2", d);
            grant("ledger2", 2, d, c);
            HostEvacuationCompleted completed = FakeHub.next(deployments, EventTypes.HOST_EVACUATION_COMPLETED,
                    e -> e.hostId().equals(c));
            assertThat(completed.moved()).containsExactly("ledger2", "web2");
            FakeHub.next(desired, EventTypes.AGENT_DESIRED_STATE, s -> s.hostId().equals(d) && runs(s, "ledger2"));
            given().get("/api/v1/apps/ledger2").then().body("lastMove.reason", equalTo("evacuated"))
                    .body("lastMove.to", equalTo(d.toString()));

            // drained: nothing new goes to C, not even when named, until it is un-drained
            String onC = "name: fresh\nimage: local/fresh:1\nplacement: {hostId: " + c + "}\n";
            given().contentType("application/yaml").body(onC.getBytes(StandardCharsets.UTF_8)).post("/api/v1/apps")
                    .then().statusCode(422).body(containsString("drained"));
            given().queryParam("to", c).post("/api/v1/hosts/" + d + "/evacuate").then().statusCode(409)
                    .body("detail", containsString("drained"));
            given().delete("/api/v1/hosts/" + c + "/evacuate").then().statusCode(204);
            FakeHub.deploy("POST", "/api/v1/apps", onC, 202);
        }
    }

    @Test
    void aReplacedHostsAppsMoveToItsReplacementOnceItConnectsWhateverTheirPolicy() {
        String pool = "pool: repl-" + UUID.randomUUID().toString().substring(0, 8);
        UUID old = hub.labelledHost("repl-old", labels(pool), 2, 4096);
        String diary = "name: diary\nimage: local/diary:1\nfailover: none\nplacement: {constraints: {" + pool
                + "}}\nvolumes: [{name: data, mode: local-synced, mountPath: /data}]\n";
        String site = "name: site\nimage: local/site:1\nfailover: manual\nplacement: {constraints: {" + pool + "}}\n";
        String own = "name: own-connector\nimage: local/connector:1\nfailover: none\nplacement: {hostId: " + old
                + "}\n";
        try (EventReader storage = new EventReader(broker.bootstrapServers(), Topics.STORAGE);
                EventReader desired = new EventReader(broker.bootstrapServers(), Topics.AGENT_DESIRED_STATE);
                EventReader deployments = new EventReader(broker.bootstrapServers(), Topics.DEPLOYMENTS)) {
            String first = JsonPath.from(FakeHub.deploy("POST", "/api/v1/apps", diary, 202)).getString("id");
            requested(storage, "diary", old);
            grant("diary", 1, old, null);
            hub.report(old, "diary", 0, 1, "running", null);
            awaitState(first, "SUCCEEDED");
            FakeHub.deploy("POST", "/api/v1/apps", site, 202);
            FakeHub.deploy("POST", "/api/v1/apps", own, 202);

            // the old host is replaced before its replacement's agent has connected: nothing can move yet
            UUID fresh = UUID.randomUUID();
            hub.publish(Topics.HOSTS, EventTypes.HOST_REGISTERED, fresh, new HostRegistered(fresh, "repl-new",
                    "192.0.2.2", 22, labels(pool), Instant.now()));
            hub.publish(Topics.HOSTS, EventTypes.HOST_REPLACED, old, new HostReplaced(old, "repl-old", fresh,
                    UUID.randomUUID(), Instant.now()));
            assertThat(deployments.readFor(Duration.ofSeconds(3)).stream()
                    .filter(r -> r.value().getType().equals(EventTypes.APP_FAILOVER_STARTED.type())
                            && List.of("diary", "site").contains(r.key())))
                    .as("nothing moves before the new host's agent connects").isEmpty();
            given().get("/api/v1/apps/site").then().body("replicas[0].hostId", equalTo(old.toString()));

            hub.connect(fresh, "repl-new", 2, 4096, null);
            HostEvacuationStarted evacuation = FakeHub.next(deployments, EventTypes.HOST_EVACUATION_STARTED,
                    e -> e.hostId().equals(old));
            assertThat(evacuation.toHostId()).isEqualTo(fresh);
            assertThat(evacuation.moving()).as("every app, whatever its policy; not the one pinned to the old host")
                    .containsExactlyInAnyOrder("diary", "site");
            assertThat(evacuation.stranded()).isEmpty();
            for (String app : List.of("diary", "site")) {
                AppFailoverStarted started = FakeHub.next(deployments, EventTypes.APP_FAILOVER_STARTED,
                        e -> e.app().equals(app));
                assertThat(started.toHostId()).isEqualTo(fresh);
                assertThat(started.reason()).isEqualTo("replaced");
            }
            // the replaced host's agent is gone for good: diary's volume goes to the new host after the fence wait
            requested(storage, "diary", fresh);
            grant("diary", 2, fresh, old);
            FakeHub.next(desired, EventTypes.AGENT_DESIRED_STATE, d -> d.hostId().equals(fresh) && runs(d, "diary")
                    && runs(d, "site"));
            given().get("/api/v1/apps/own-connector").then().body("replicas[0].hostId", equalTo(old.toString()));

            // nothing new is placed on the replaced host, and a second connect of the new host moves nothing again
            given().contentType("application/yaml").body(("name: late\nimage: local/late:1\nplacement: {hostId: "
                    + old + "}\n").getBytes(StandardCharsets.UTF_8)).post("/api/v1/apps").then().statusCode(422)
                    .body(containsString("replaced by host " + fresh));
            hub.connect(fresh, "repl-new", 2, 4096, null);
            assertThat(count(deployments.readFor(Duration.ofSeconds(2)), EventTypes.APP_FAILOVER_STARTED, "site"))
                    .isEqualTo(1);
        }
    }

    private void publish(CloudEvent event) {
        try (EventWriter writer = new EventWriter(broker.bootstrapServers())) {
            writer.publish(Topics.HOSTS, event);
        }
    }

    private static java.util.Map<String, String> labels(String pool) {
        return java.util.Map.of("pool", pool.substring("pool: ".length()));
    }

    private static long count(List<org.apache.kafka.clients.consumer.ConsumerRecord<String, CloudEvent>> records,
            EventType<?> type, String key) {
        return records.stream().filter(r -> r.key().equals(key) && r.value().getType().equals(type.type())).count();
    }

    private static VolumeRequested requested(EventReader storage, String app, UUID host) {
        return FakeHub.next(storage, EventTypes.VOLUME_REQUESTED, r -> r.app().equals(app)
                && host.equals(r.hostId()));
    }

    private static void awaitState(String deployment, String state) {
        await().atMost(FakeHub.WAIT).untilAsserted(() -> given().get("/api/v1/deployments/" + deployment).then()
                .body("state", equalTo(state)));
    }

    private static boolean runs(AgentDesiredState state, String app) {
        return state.containers().stream().anyMatch(container -> container.app().equals(app));
    }

    /** The storage-manager's answer: {@code host} holds the lease at {@code epoch} ({@code previous} held it). */
    private void grant(String app, long epoch, UUID host, UUID previous) {
        HostVolume lease = new HostVolume(app, "data", "local-synced", "/srv/homeport/volumes/" + app + "/data",
                "cloud:homeport/volumes/" + app + "/data", "cloud:homeport/replaced/" + app + "/data",
                "cloud:homeport/fences/" + app + "/data", epoch, 60);
        hub.publish(Topics.STORAGE, EventTypes.VOLUME_READY, VolumeRequested.key(app, "data"),
                new VolumeReady(app, "data", "local-synced", host, previous, null, lease, Instant.now()));
    }
}
