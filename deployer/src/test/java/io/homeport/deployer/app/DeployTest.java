package io.homeport.deployer.app;

import static io.homeport.deployer.FakeHub.WAIT;
import static io.homeport.deployer.FakeHub.deploy;
import static io.homeport.deployer.FakeHub.next;
import static io.homeport.testkit.ServiceCalls.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.homeport.agent.protocol.ContainerSpec;
import io.homeport.deployer.FakeHub;
import io.homeport.events.EventTypes;
import io.homeport.events.Topics;
import io.homeport.events.agent.AgentDesiredState;
import io.homeport.testkit.EventReader;
import io.homeport.testkit.InjectKafkaBroker;
import io.homeport.testkit.KafkaBroker;
import io.homeport.testkit.KafkaTestResource;
import io.homeport.testkit.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Deploying through the deployer's API with real Kafka and PostgreSQL; the agents' side (connections and container
 * reports) is published on Kafka as the hub relays it, and the desired states the deployer publishes are read back.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class DeployTest {

    @InjectKafkaBroker
    KafkaBroker broker;

    private final FakeHub hub = new FakeHub(() -> broker);

    private static String spec(String name, String image, String extra) {
        return "name: " + name + "\nimage: " + image + "\nhealthCheck: {test: [CMD, \"true\"]}\n"
                + "resources: {cpus: 0.5, memoryMb: 128}\n" + extra;
    }

    @Test
    void aFailingRevisionRollsBackToTheLastGoodOne() {
        UUID host = hub.onlineHost("deploy-a", 4, 8192);
        try (EventReader desired = new EventReader(broker.bootstrapServers(), Topics.AGENT_DESIRED_STATE);
                EventReader deployments = new EventReader(broker.bootstrapServers(), Topics.DEPLOYMENTS)) {
            String first = io.restassured.path.json.JsonPath.from(deploy("POST", "/api/v1/apps",
                    spec("shop", "local/shop:1", "labels: {dockflare.enable: \"true\"}\n"
                            + "placement: {hostId: " + host + "}\n"), 202)).getString("id");
            given().get("/api/v1/deployments/" + first).then().body("state", equalTo("IN_PROGRESS"));
            AgentDesiredState one = next(desired, EventTypes.AGENT_DESIRED_STATE, d -> d.hostId().equals(host)
                    && d.containers().stream().anyMatch(c -> c.app().equals("shop")));
            ContainerSpec container = one.containers().get(0);
            assertThat(container.containerName()).isEqualTo("hp-shop-0");
            assertThat(container.image()).isEqualTo("local/shop:1");
            assertThat(container.labels()).containsEntry("dockflare.enable", "true");
            assertThat(container.options().memoryMb()).isEqualTo(128);

            hub.report(host, "shop", 0, 1, "running", "healthy");
            await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/deployments/" + first)
                    .then().body("state", equalTo("SUCCEEDED")));

            given().contentType("application/yaml").body(spec("shop", "local/shop:2", "placement: {hostId: " + host
                    + "}\n").getBytes(StandardCharsets.UTF_8))
                    .put("/api/v1/apps/shop").then().statusCode(202).body("revision", equalTo(2))
                    .body("previousRevision", equalTo(1));
            next(desired, EventTypes.AGENT_DESIRED_STATE, d -> d.hostId().equals(host)
                    && d.containers().get(0).image().equals("local/shop:2"));
            hub.report(host, "shop", 0, 2, "exited", null);

            var rolledBack = next(deployments, EventTypes.DEPLOYMENT_ROLLED_BACK, e -> e.app().equals("shop"));
            assertThat(rolledBack.fromRevision()).isEqualTo(2);
            assertThat(rolledBack.toRevision()).isEqualTo(1);
            assertThat(rolledBack.reason()).contains("replica 0").contains("exited");
            AgentDesiredState back = next(desired, EventTypes.AGENT_DESIRED_STATE, d -> d.hostId().equals(host)
                    && d.revision() == 3);
            assertThat(back.containers().get(0).image()).isEqualTo("local/shop:1");
            assertThat(back.containers().get(0).revision()).isEqualTo(1);
            next(deployments, EventTypes.DEPLOYMENT_FAILED, e -> e.app().equals("shop") && e.revision() == 2);

            given().get("/api/v1/apps/shop").then().statusCode(200)
                    .body("targetRevision", equalTo(1)).body("goodRevision", equalTo(1))
                    .body("deployment.state", equalTo("ROLLED_BACK"))
                    .body("replicas[0].hostId", equalTo(host.toString()));
            given().get("/api/v1/apps/shop/revisions").then().statusCode(200)
                    .body("revision", org.hamcrest.Matchers.contains(2, 1));
        }
    }

    @Test
    void withoutAHealthCheckReplicasMustKeepRunningAndTheyAreSpread() {
        UUID a = hub.onlineHost("spread-a", 2, 2048);
        UUID b = hub.onlineHost("spread-b", 2, 2048);
        String id = deploy("POST", "/api/v1/apps", """
                name: spread
                image: local/spread:1
                replicas: 2
                ports: [{containerPort: 80, hostPort: 18080}]
                placement: {constraints: {}}
                """, 202);
        String deployment = io.restassured.path.json.JsonPath.from(id).getString("id");
        given().get("/api/v1/apps/spread").then().body("replicas.hostId", containsInAnyOrder(a.toString(),
                b.toString()));
        hub.report(a, "spread", 0, 1, "running", null);
        hub.report(b, "spread", 1, 1, "running", null);
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/deployments/" + deployment)
                .then().body("state", equalTo("SUCCEEDED")));
    }

    @Test
    void badSpecsAreProblemsNamingTheField() {
        hub.onlineHost("bad-specs", 1, 512);
        given().contentType("application/json").body("{\"name\":\"x\",\"image\":\"Bad Image\"}")
                .post("/api/v1/apps").then().statusCode(400).body("errors.field", hasItem("image"));
        given().contentType("application/json")
                .body("{\"name\":\"x\",\"image\":\"nginx\",\"resources\":{\"memoryMb\":-5}}")
                .post("/api/v1/apps").then().statusCode(400).body("errors.field", hasItem("resources.memoryMb"));
        given().contentType("application/json").body("{\"name\":\"x\",\"image\":\"nginx\",\"ports\":["
                + "{\"containerPort\":80,\"hostPort\":8080},{\"containerPort\":81,\"hostPort\":8080}]}")
                .post("/api/v1/apps").then().statusCode(400).body("errors.field", hasItem("ports[1].hostPort"));
        UUID nowhere = UUID.randomUUID();
        given().contentType("application/json")
                .body("{\"name\":\"x\",\"image\":\"nginx\",\"placement\":{\"hostId\":\"" + nowhere + "\"}}")
                .post("/api/v1/apps").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("hosts." + nowhere)).body("errors[0].message", equalTo("no such host"));
        given().contentType("application/json")
                .body("{\"name\":\"x\",\"image\":\"nginx\",\"resources\":{\"memoryMb\":999999}}")
                .post("/api/v1/apps").then().statusCode(422).body("detail", equalTo("no host can run every replica of x"));
        given().contentType("application/yaml").body("name: \"unterminated\nimage: nginx\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/apps").then().statusCode(400).body("detail", org.hamcrest.Matchers.startsWith(
                        "The body is not valid YAML"));
        given().contentType("application/yaml").body("name: x\nimage: nginx\nimgae: typo\n"
                .getBytes(StandardCharsets.UTF_8)).post("/api/v1/apps").then().statusCode(400)
                .body("errors.field", hasItem("imgae"));
        given().contentType("application/json").body("{\"name\":\"x\",\"image\":\"nginx\",\"secrets\":{\"T\":\"t\"}}")
                .post("/api/v1/apps").then().statusCode(400).body("errors.field", hasItem("secrets.T"));
        given().get("/api/v1/apps/x").then().statusCode(404);
    }
}
