package io.homeport.deployer.volume;

import static io.homeport.testkit.ServiceCalls.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.homeport.agent.protocol.ContainerOptions;
import io.homeport.agent.protocol.ContainerSpec;
import io.homeport.agent.protocol.HostVolume;
import io.homeport.agent.protocol.VolumeState;
import io.homeport.deployer.FakeHub;
import io.homeport.events.EventCodec;
import io.homeport.events.EventTypes;
import io.homeport.events.Topics;
import io.homeport.events.agent.AgentDesiredState;
import io.homeport.events.storage.VolumeReady;
import io.homeport.events.storage.VolumeRequested;
import io.homeport.testkit.EventReader;
import io.homeport.testkit.InjectKafkaBroker;
import io.homeport.testkit.KafkaBroker;
import io.homeport.testkit.KafkaTestResource;
import io.homeport.testkit.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Volumes are requested of the storage-manager for the host an app is placed on, and the app starts there once that
 * host holds their leases: with real Kafka and PostgreSQL, the storage-manager's answers ({@code volume.ready} with
 * the lease) published as it does.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class VolumesTest {

    @InjectKafkaBroker
    KafkaBroker broker;

    private final FakeHub hub = new FakeHub(() -> broker);

    @Test
    void anAppWaitsQueuedForItsVolumesAndStartsWhenItsHostHoldsTheirLeases() {
        UUID host = hub.onlineHost("volumes-a", 2, 2048);
        String spec = "name: files\nimage: local/files:1\nplacement: {hostId: " + host + "}\n"
                + "volumes: [{name: data, mode: shared, mountPath: /data}, "
                + "{name: cache, mode: local-synced, mountPath: /cache}]\n";
        try (EventReader storage = new EventReader(broker.bootstrapServers(), Topics.STORAGE);
                EventReader desired = new EventReader(broker.bootstrapServers(), Topics.AGENT_DESIRED_STATE)) {
            String id = JsonPath.from(FakeHub.deploy("POST", "/api/v1/apps", spec, 202)).getString("id");
            given().get("/api/v1/deployments/" + id).then().body("state", equalTo("QUEUED"))
                    .body("waitsForVolumes", contains("data", "cache")).body("startedAt", equalTo(null));
            VolumeRequested data = requested(storage, "files", "data", host);
            assertThat(data.mode()).isEqualTo("shared");
            VolumeRequested cache = requested(storage, "files", "cache", host);
            assertThat(cache.mode()).isEqualTo("local-synced");
            given().contentType("application/yaml").body(spec.getBytes(StandardCharsets.UTF_8))
                    .put("/api/v1/apps/files").then().statusCode(409)
                    .body("detail", containsString("volumes [data, cache]"));

            grant(lease("files", "data", "shared", 1), host, null);
            await().atMost(FakeHub.WAIT).untilAsserted(() -> given().get("/api/v1/deployments/" + id).then()
                    .body("waitsForVolumes", contains("cache")));
            given().get("/api/v1/deployments/" + id).then().body("state", equalTo("QUEUED"));
            grant(lease("files", "cache", "local-synced", 1), host, null);
            await().atMost(FakeHub.WAIT).untilAsserted(() -> given().get("/api/v1/deployments/" + id).then()
                    .body("state", equalTo("IN_PROGRESS")));
            AgentDesiredState state = FakeHub.next(desired, EventTypes.AGENT_DESIRED_STATE,
                    d -> d.hostId().equals(host) && !d.containers().isEmpty());
            assertThat(state.containers().get(0).options().mounts()).containsExactly(
                    new ContainerOptions.Mount(lease("files", "data", "shared", 1).path(), "/data", false,
                            "files/data"),
                    new ContainerOptions.Mount(lease("files", "cache", "local-synced", 1).path(), "/cache", false,
                            "files/cache"));
            assertThat(state.volumes()).extracting(HostVolume::key).containsExactly("files/cache", "files/data");

            hub.report(host, "files", 0, 1, "running", null);
            await().atMost(FakeHub.WAIT).untilAsserted(() -> given().get("/api/v1/deployments/" + id).then()
                    .body("state", equalTo("SUCCEEDED")));
            String second = JsonPath.from(FakeHub.deploy("PUT", "/api/v1/apps/files",
                    spec.replace("local/files:1", "local/files:2"), 202)).getString("id");
            given().get("/api/v1/deployments/" + second).then().body("state", equalTo("IN_PROGRESS"))
                    .body("waitsForVolumes", empty());
            assertThat(storage.readFor(Duration.ofSeconds(2))).as("leased volumes are not asked for again")
                    .filteredOn(r -> r.value().getType().equals(EventTypes.VOLUME_REQUESTED.type())
                            && r.key().startsWith("files/")).hasSize(2);
        }
    }

    @Test
    void redeployedToAnotherHostTheAppFollowsItsLeaseAndTheOldHostLetsGoOfBoth() {
        UUID a = hub.onlineHost("lease-a", 2, 2048);
        UUID b = hub.onlineHost("lease-b", 2, 2048);
        String onA = "name: ledger\nimage: local/ledger:1\nplacement: {hostId: " + a + "}\n"
                + "volumes: [{name: data, mode: local-synced, mountPath: /var/lib/ledger}]\n";
        try (EventReader storage = new EventReader(broker.bootstrapServers(), Topics.STORAGE);
                EventReader desired = new EventReader(broker.bootstrapServers(), Topics.AGENT_DESIRED_STATE)) {
            String first = JsonPath.from(FakeHub.deploy("POST", "/api/v1/apps", onA, 202)).getString("id");
            requested(storage, "ledger", "data", a);
            grant(lease("ledger", "data", "local-synced", 1), a, null);
            awaitState(first, "IN_PROGRESS");
            AgentDesiredState onHostA = FakeHub.next(desired, EventTypes.AGENT_DESIRED_STATE,
                    d -> d.hostId().equals(a) && runs(d, "ledger"));
            assertThat(onHostA.volumes()).containsExactly(lease("ledger", "data", "local-synced", 1));
            assertThat(ledger(onHostA).options().mounts()).containsExactly(new ContainerOptions.Mount(
                    lease("ledger", "data", "local-synced", 1).path(), "/var/lib/ledger", false, "ledger/data"));
            hub.report(a, "ledger", 0, 1, "running", null);
            awaitState(first, "SUCCEEDED");

            String second = JsonPath.from(FakeHub.deploy("PUT", "/api/v1/apps/ledger",
                    onA.replace("hostId: " + a, "hostId: " + b), 202)).getString("id");
            given().get("/api/v1/deployments/" + second).then().body("state", equalTo("QUEUED"))
                    .body("waitsForVolumes", contains("data"));
            // a planned move: host A stops the app but keeps the lease, to sync the volume once more
            AgentDesiredState letGo = FakeHub.next(desired, EventTypes.AGENT_DESIRED_STATE,
                    d -> d.hostId().equals(a) && !runs(d, "ledger"));
            assertThat(letGo.volumes()).containsExactly(lease("ledger", "data", "local-synced", 1));
            hub.reportVolumes(a, List.of(volumeState(1, false)));
            assertThat(requestsFor(storage, "ledger", b)).as("not requested for B before A let go of it").isZero();
            hub.reportVolumes(a, List.of(volumeState(1, true)));
            requested(storage, "ledger", "data", b);
            grant(lease("ledger", "data", "local-synced", 1), a, null);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    given().get("/api/v1/deployments/" + second).then().body("state", equalTo("QUEUED")));

            grant(lease("ledger", "data", "local-synced", 2), b, a);
            awaitState(second, "IN_PROGRESS");
            FakeHub.next(desired, EventTypes.AGENT_DESIRED_STATE, d -> d.hostId().equals(a) && !runs(d, "ledger")
                    && d.volumes().isEmpty());
            AgentDesiredState onHostB = FakeHub.next(desired, EventTypes.AGENT_DESIRED_STATE,
                    d -> d.hostId().equals(b) && runs(d, "ledger"));
            assertThat(onHostB.volumes()).containsExactly(lease("ledger", "data", "local-synced", 2));
            assertThat(ledger(onHostB).options().mounts()).extracting(ContainerOptions.Mount::volume)
                    .containsExactly("ledger/data");

            // the lease moves away with no deployment asking: the host keeps the app, but no longer the lease
            grant(lease("ledger", "data", "local-synced", 3), a, b);
            AgentDesiredState fenced = FakeHub.next(desired, EventTypes.AGENT_DESIRED_STATE,
                    d -> d.hostId().equals(b) && runs(d, "ledger") && d.volumes().isEmpty());
            assertThat(fenced.revision()).isGreaterThan(onHostB.revision());
            assertThat(ledger(fenced).options().mounts()).extracting(ContainerOptions.Mount::volume)
                    .containsExactly("ledger/data");
        }
    }

    /** It may still be running the app, cut off: it is waited for until it has surely fenced itself, no longer. */
    @Test
    void aHolderThatGoesOfflineDuringAHandoverIsWaitedForOnlyTheFenceWait() {
        UUID a = hub.onlineHost("offline-a", 2, 2048);
        UUID b = hub.onlineHost("offline-b", 2, 2048);
        String onA = "name: journal\nimage: local/journal:1\nplacement: {hostId: " + a + "}\n"
                + "volumes: [{name: data, mode: local-synced, mountPath: /data}]\n";
        try (EventReader storage = new EventReader(broker.bootstrapServers(), Topics.STORAGE)) {
            String first = JsonPath.from(FakeHub.deploy("POST", "/api/v1/apps", onA, 202)).getString("id");
            requested(storage, "journal", "data", a);
            grant(lease("journal", "data", "local-synced", 1), a, null);
            hub.report(a, "journal", 0, 1, "running", null);
            awaitState(first, "SUCCEEDED");

            String second = JsonPath.from(FakeHub.deploy("PUT", "/api/v1/apps/journal",
                    onA.replace("hostId: " + a, "hostId: " + b), 202)).getString("id");
            assertThat(requestsFor(storage, "journal", b)).as("waiting for host A to let go").isZero();
            Instant offline = Instant.now();
            hub.disconnect(a);
            requested(storage, "journal", "data", b);
            assertThat(Duration.between(offline, Instant.now())).as("the fence wait (PT3S in tests)")
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
            grant(lease("journal", "data", "local-synced", 2), b, a);
            awaitState(second, "IN_PROGRESS");
        }
    }

    @Test
    void aQueuedAppPlacedElsewhereAtItsStartAsksForItsVolumesThereAndWaitsOn() {
        Map<String, String> pool = Map.of("pool", "move-" + UUID.randomUUID().toString().substring(0, 8));
        UUID roomy = hub.labelledHost("move-roomy", pool, 2, 4096);
        UUID small = hub.labelledHost("move-small", pool, 2, 2048);
        String notes = "name: notes\nimage: local/notes:1\nresources: {memoryMb: 1024}\nplacement: {constraints: "
                + "{pool: " + pool.get("pool") + "}}\nvolumes: [{name: data, mode: shared, mountPath: /data}]\n";
        try (EventReader storage = new EventReader(broker.bootstrapServers(), Topics.STORAGE);
                EventReader desired = new EventReader(broker.bootstrapServers(), Topics.AGENT_DESIRED_STATE)) {
            String id = JsonPath.from(FakeHub.deploy("POST", "/api/v1/apps", notes, 202)).getString("id");
            requested(storage, "notes", "data", roomy);
            // another app takes the roomy host's memory before the volume is ready there
            FakeHub.deploy("POST", "/api/v1/apps", "name: hog\nimage: local/hog:1\nresources: {memoryMb: 3584}\n"
                    + "placement: {hostId: " + roomy + "}\n", 202);

            grant(lease("notes", "data", "shared", 1), roomy, null);
            requested(storage, "notes", "data", small);
            given().get("/api/v1/deployments/" + id).then().body("state", equalTo("QUEUED"))
                    .body("waitsForVolumes", contains("data"));

            grant(lease("notes", "data", "shared", 2), small, roomy);
            awaitState(id, "IN_PROGRESS");
            AgentDesiredState state = FakeHub.next(desired, EventTypes.AGENT_DESIRED_STATE,
                    d -> d.hostId().equals(small) && runs(d, "notes"));
            assertThat(state.volumes()).extracting(HostVolume::epoch).containsExactly(2L);
        }
    }

    private static VolumeRequested requested(EventReader storage, String app, String volume, UUID host) {
        return FakeHub.next(storage, EventTypes.VOLUME_REQUESTED, r -> r.app().equals(app)
                && r.volume().equals(volume) && host.equals(r.hostId()));
    }

    /** How many requests for a volume of {@code app} on {@code host} the reader has seen after reading 2 s on. */
    private static long requestsFor(EventReader storage, String app, UUID host) {
        return storage.readFor(Duration.ofSeconds(2)).stream()
                .filter(r -> r.value().getType().equals(EventTypes.VOLUME_REQUESTED.type()))
                .map(r -> EventCodec.payload(r.value(), EventTypes.VOLUME_REQUESTED))
                .filter(request -> request.app().equals(app) && host.equals(request.hostId())).count();
    }

    private static void awaitState(String deployment, String state) {
        await().atMost(FakeHub.WAIT).untilAsserted(() -> given().get("/api/v1/deployments/" + deployment).then()
                .body("state", equalTo(state)));
    }

    private static boolean runs(AgentDesiredState state, String app) {
        return state.containers().stream().anyMatch(container -> container.app().equals(app));
    }

    private static ContainerSpec ledger(AgentDesiredState state) {
        return state.containers().stream().filter(container -> container.app().equals("ledger")).findFirst()
                .orElseThrow();
    }

    /** A lease as the storage-manager grants it: it names every path. */
    private static HostVolume lease(String app, String volume, String mode, long epoch) {
        return new HostVolume(app, volume, mode, "/srv/homeport/volumes/" + app + "/" + volume,
                "cloud:homeport/volumes/" + app + "/" + volume, "cloud:homeport/replaced/" + app + "/" + volume,
                "cloud:homeport/fences/" + app + "/" + volume, epoch, HostVolume.LOCAL_SYNCED.equals(mode) ? 60 : 0);
    }

    /** What host A's agent says of ledger/data: it holds the lease and has (or has not) released the volume. */
    private static VolumeState volumeState(long epoch, boolean released) {
        return new VolumeState("ledger", "data", epoch, VolumeState.Lease.HELD, epoch, Instant.now(), true, null,
                released);
    }

    /** The storage-manager's answer: {@code host} holds the lease now ({@code previous} held it before). */
    private void grant(HostVolume lease, UUID host, UUID previous) {
        hub.publish(Topics.STORAGE, EventTypes.VOLUME_READY, VolumeRequested.key(lease.app(), lease.name()),
                new VolumeReady(lease.app(), lease.name(), lease.mode(), host, previous, null, lease, Instant.now()));
    }
}
