package io.homeport.deployer.stack;

import static io.homeport.deployer.FakeHub.WAIT;
import static io.homeport.deployer.FakeHub.deploy;
import static io.homeport.deployer.FakeHub.next;
import static io.homeport.testkit.ServiceCalls.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.homeport.agent.protocol.ContainerSpec;
import io.homeport.deployer.FakeHub;
import io.homeport.events.EventCodec;
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
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Deploying compose files as stacks, with real Kafka and PostgreSQL: the agents' reports are published as the hub
 * relays them and each host's desired state is read back from the compacted topic, in the order it was published.
 * Each test keeps its stack on a host of its own through a placement constraint.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class StackDeployTest {

    @InjectKafkaBroker
    KafkaBroker broker;

    private final FakeHub hub = new FakeHub(() -> broker);

    /** web depends on api, api on db; every service has a health check and may run only on hosts labelled so. */
    private static String dbApiWeb(String label) {
        String common = "    healthcheck: {test: [CMD, \"true\"]}\n"
                + "    deploy: {placement: {constraints: [\"node.labels.homeport-test == " + label + "\"]}}\n";
        return "services:\n"
                + "  web:\n    image: local/web:1\n    depends_on: [api]\n" + common
                + "  api:\n    image: local/api:1\n    depends_on: {db: {condition: service_healthy}}\n" + common
                + "  db:\n    image: local/db:1\n" + common;
    }

    private static List<String> apps(AgentDesiredState desired) {
        return desired.containers().stream().map(ContainerSpec::app).toList();
    }

    /** Every desired state of the host read so far, in the order the deployer published them. */
    private static List<AgentDesiredState> published(EventReader desired, UUID host) {
        return desired.readFor(Duration.ZERO).stream().map(r -> r.value())
                .filter(e -> e.getType().equals(EventTypes.AGENT_DESIRED_STATE.type()))
                .map(e -> EventCodec.payload(e, EventTypes.AGENT_DESIRED_STATE))
                .filter(d -> d.hostId().equals(host)).toList();
    }

    private static void awaitState(String deployment, String state) {
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/deployments/" + deployment)
                .then().body("state", equalTo(state)));
    }

    @Test
    void servicesStartOneAfterTheOtherAsEachDependencyPassesItsHealthGate() {
        UUID host = hub.labelledHost("stack-order", Map.of("homeport-test", "order"), 2, 1024);
        try (EventReader desired = new EventReader(broker.bootstrapServers(), Topics.AGENT_DESIRED_STATE)) {
            JsonPath stack = JsonPath.from(deploy("POST", "/api/v1/stacks?name=order", dbApiWeb("order"), 202));
            assertThat(stack.getString("name")).isEqualTo("order");
            assertThat(stack.getList("apps.app", String.class)).containsExactly("order-db", "order-api", "order-web");
            assertThat(stack.getList("apps.state", String.class)).containsExactly("IN_PROGRESS", "QUEUED", "QUEUED");
            assertThat(stack.getList("apps.waitsFor")).containsExactly(List.of(), List.of("order-db"),
                    List.of("order-api"));
            String db = stack.getString("apps[0].deploymentId");
            String api = stack.getString("apps[1].deploymentId");
            String web = stack.getString("apps[2].deploymentId");

            given().get("/api/v1/deployments/" + api).then().statusCode(200).body("state", equalTo("QUEUED"))
                    .body("startedAt", nullValue()).body("deadline", nullValue());
            given().get("/api/v1/apps/order-api").then().statusCode(200).body("deployment.state", equalTo("QUEUED"))
                    .body("targetRevision", equalTo(0)).body("replicas", empty());
            given().contentType("application/yaml").body("name: order-api\nimage: local/api:2\n"
                    .getBytes(StandardCharsets.UTF_8)).put("/api/v1/apps/order-api").then().statusCode(409)
                    .body("detail", org.hamcrest.Matchers.containsString("queued"));
            given().contentType("application/yaml").body(dbApiWeb("order").getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/stacks?name=order").then().statusCode(409);

            AgentDesiredState onlyDb = next(desired, EventTypes.AGENT_DESIRED_STATE, d -> d.hostId().equals(host));
            assertThat(apps(onlyDb)).containsExactly("order-db");
            given().get("/api/v1/deployments/" + api).then().body("state", equalTo("QUEUED"));

            hub.report(host, "order-db", 0, 1, "running", "healthy");
            AgentDesiredState withApi = next(desired, EventTypes.AGENT_DESIRED_STATE, d -> d.hostId().equals(host)
                    && apps(d).contains("order-api"));
            assertThat(apps(withApi)).containsExactly("order-api", "order-db");
            given().get("/api/v1/deployments/" + db).then().body("state", equalTo("SUCCEEDED"));
            given().get("/api/v1/deployments/" + api).then().body("state", equalTo("IN_PROGRESS"))
                    .body("startedAt", org.hamcrest.Matchers.notNullValue());
            given().get("/api/v1/deployments/" + web).then().body("state", equalTo("QUEUED"));

            hub.report(host, "order-api", 0, 1, "running", "healthy");
            AgentDesiredState withWeb = next(desired, EventTypes.AGENT_DESIRED_STATE, d -> d.hostId().equals(host)
                    && apps(d).contains("order-web"));
            assertThat(apps(withWeb)).containsExactly("order-api", "order-db", "order-web");
            hub.report(host, "order-web", 0, 1, "running", "healthy");
            awaitState(web, "SUCCEEDED");
            given().get("/api/v1/deployments/" + api).then().body("state", equalTo("SUCCEEDED"));

            List<Long> firstSeen = List.of("order-db", "order-api", "order-web").stream()
                    .map(app -> published(desired, host).stream().filter(d -> apps(d).contains(app))
                            .mapToLong(AgentDesiredState::revision).min().orElseThrow()).toList();
            assertThat(firstSeen).as("desired-state revision in which db, api, web first appear").isSorted()
                    .doesNotHaveDuplicates();
        }
    }

    @Test
    void whenADependencyFailsWhatWaitsForItNeverStarts() {
        UUID host = hub.labelledHost("stack-fail", Map.of("homeport-test", "fail"), 2, 1024);
        try (EventReader desired = new EventReader(broker.bootstrapServers(), Topics.AGENT_DESIRED_STATE);
                EventReader deployments = new EventReader(broker.bootstrapServers(), Topics.DEPLOYMENTS)) {
            JsonPath stack = JsonPath.from(deploy("POST", "/api/v1/stacks?name=fail", dbApiWeb("fail"), 202));
            String db = stack.getString("apps[0].deploymentId");
            String api = stack.getString("apps[1].deploymentId");
            String web = stack.getString("apps[2].deploymentId");
            next(desired, EventTypes.AGENT_DESIRED_STATE, d -> d.hostId().equals(host)
                    && apps(d).contains("fail-db"));

            hub.report(host, "fail-db", 0, 1, "running", "unhealthy");
            awaitState(db, "FAILED");
            given().get("/api/v1/deployments/" + api).then().body("state", equalTo("FAILED"))
                    .body("reason", equalTo("not started: fail-db failed")).body("startedAt", nullValue());
            given().get("/api/v1/deployments/" + web).then().body("state", equalTo("FAILED"))
                    .body("reason", equalTo("not started: fail-api failed"));
            given().get("/api/v1/apps/fail-web").then().body("replicas", empty())
                    .body("deployment.state", equalTo("FAILED"));
            assertThat(next(deployments, EventTypes.DEPLOYMENT_FAILED, e -> e.app().equals("fail-web")).reason())
                    .isEqualTo("not started: fail-api failed");

            // the host's desired states are one ordered stream: once a later one is read, every earlier one is too
            deploy("POST", "/api/v1/apps", "name: fail-later\nimage: local/later:1\n"
                    + "placement: {constraints: {homeport-test: fail}}\n", 202);
            next(desired, EventTypes.AGENT_DESIRED_STATE, d -> d.hostId().equals(host)
                    && apps(d).contains("fail-later"));
            assertThat(published(desired, host)).isNotEmpty().allSatisfy(d -> assertThat(apps(d))
                    .doesNotContain("fail-api", "fail-web"));
            assertThat(deployments.readFor(Duration.ZERO).stream().map(r -> r.value())
                    .filter(e -> e.getType().equals(EventTypes.DEPLOYMENT_STARTED.type()))
                    .map(e -> EventCodec.payload(e, EventTypes.DEPLOYMENT_STARTED).app()))
                    .doesNotContain("fail-api", "fail-web");
        }
    }

    @Test
    void nothingIsStoredWhenAKeyIsUnsupportedOrAnAppFitsNowhere() {
        given().contentType("application/yaml").body("""
                services:
                  db: {image: local/db:1}
                  web: {image: local/web:1, privileged: true, depends_on: [db]}
                """.getBytes(StandardCharsets.UTF_8)).post("/api/v1/stacks?name=bad")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("services.web.privileged"));
        given().get("/api/v1/apps/bad-db").then().statusCode(404);
        given().get("/api/v1/apps/bad-web").then().statusCode(404);

        hub.labelledHost("stack-nowhere", Map.of("homeport-test", "nowhere"), 1, 512);
        String fitsNowhere = """
                services:
                  db:
                    image: local/db:1
                    deploy: {placement: {constraints: ["node.labels.homeport-test == nowhere"]}}
                  web:
                    image: local/web:1
                    deploy: {placement: {constraints: ["node.labels.homeport-test == no-such-host"]}}
                """;
        // until the host's events arrive db fits nowhere either; then only web is refused, each host named
        await().atMost(WAIT).untilAsserted(() -> given().contentType("application/yaml")
                .body(fitsNowhere.getBytes(StandardCharsets.UTF_8)).post("/api/v1/stacks?name=unplaced")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", equalTo("no host can run every replica of unplaced-web"))
                .body("errors.field", everyItem(startsWith("services.web.hosts.")))
                .body("errors.field", hasItem("services.web.hosts.stack-nowhere")));
        given().get("/api/v1/apps/unplaced-db").then().statusCode(404);
        given().get("/api/v1/apps/unplaced-web").then().statusCode(404);
    }
}
