package io.homeport.deployer.volume;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.homeport.deployer.FakeHub;
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
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Volumes are asked of the storage-manager before an app is placed: with real Kafka and PostgreSQL, the storage
 * side's answer ({@code volume.ready}) published as the storage-manager does.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class VolumesTest {

    @InjectKafkaBroker
    KafkaBroker broker;

    private final FakeHub hub = new FakeHub(() -> broker);

    @Test
    void anAppWaitsQueuedForItsVolumesAndStartsWhenTheyAreReady() {
        UUID host = hub.onlineHost("volumes-a", 2, 2048);
        String spec = "name: files\nimage: local/files:1\nplacement: {hostId: " + host + "}\n"
                + "volumes: [{name: data, mode: shared, mountPath: /data}, "
                + "{name: cache, mode: local-synced, mountPath: /cache}]\n";
        try (EventReader storage = new EventReader(broker.bootstrapServers(), Topics.STORAGE);
                EventReader desired = new EventReader(broker.bootstrapServers(), Topics.AGENT_DESIRED_STATE)) {
            String id = JsonPath.from(FakeHub.deploy("POST", "/api/v1/apps", spec, 202)).getString("id");
            given().get("/api/v1/deployments/" + id).then().body("state", equalTo("QUEUED"))
                    .body("waitsForVolumes", contains("data", "cache")).body("startedAt", equalTo(null));
            VolumeRequested data = FakeHub.next(storage, EventTypes.VOLUME_REQUESTED, r -> r.app().equals("files")
                    && r.volume().equals("data"));
            assertThat(data.mode()).isEqualTo("shared");
            VolumeRequested cache = FakeHub.next(storage, EventTypes.VOLUME_REQUESTED, r -> r.app().equals("files")
                    && r.volume().equals("cache"));
            assertThat(cache.mode()).isEqualTo("local-synced");
            given().contentType("application/yaml").body(spec.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .put("/api/v1/apps/files").then().statusCode(409)
                    .body("detail", org.hamcrest.Matchers.containsString("volumes [data, cache]"));

            ready("files", "data", "shared");
            await().atMost(FakeHub.WAIT).untilAsserted(() -> given().get("/api/v1/deployments/" + id).then()
                    .body("waitsForVolumes", contains("cache")));
            given().get("/api/v1/deployments/" + id).then().body("state", equalTo("QUEUED"));
            ready("files", "cache", "local-synced");
            await().atMost(FakeHub.WAIT).untilAsserted(() -> given().get("/api/v1/deployments/" + id).then()
                    .body("state", equalTo("IN_PROGRESS")));
            AgentDesiredState state = FakeHub.next(desired, EventTypes.AGENT_DESIRED_STATE,
                    d -> d.hostId().equals(host) && !d.containers().isEmpty());
            assertThat(state.containers().get(0).options().mounts()).extracting(m -> m.target())
                    .containsExactly("/data", "/cache");

            hub.report(host, "files", 0, 1, "running", null);
            await().atMost(FakeHub.WAIT).untilAsserted(() -> given().get("/api/v1/deployments/" + id).then()
                    .body("state", equalTo("SUCCEEDED")));
            String second = JsonPath.from(FakeHub.deploy("PUT", "/api/v1/apps/files",
                    spec.replace("local/files:1", "local/files:2"), 202)).getString("id");
            given().get("/api/v1/deployments/" + second).then().body("state", equalTo("IN_PROGRESS"))
                    .body("waitsForVolumes", org.hamcrest.Matchers.empty());
            assertThat(storage.readFor(Duration.ofSeconds(2))).as("ready volumes are not asked for again")
                    .filteredOn(r -> r.value().getType().equals(EventTypes.VOLUME_REQUESTED.type())).hasSize(2);
        }
    }

    private void ready(String app, String volume, String mode) {
        hub.publish(Topics.STORAGE, EventTypes.VOLUME_READY, VolumeRequested.key(app, volume),
                new VolumeReady(app, volume, mode, null, null, null, Instant.now()));
    }
}
