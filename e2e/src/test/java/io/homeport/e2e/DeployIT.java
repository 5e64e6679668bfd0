package io.homeport.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import io.homeport.agent.docker.DockerClients;
import io.homeport.launcher.ControlPlane;
import io.homeport.launcher.Service;
import io.homeport.launcher.process.ManagedProcess;
import io.homeport.testkit.DockerEngine;
import io.homeport.testkit.LocalImages;
import io.homeport.testkit.LocalRegistry;
import io.homeport.testkit.SftpCloud;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deploying through the gateway onto a real agent and this machine's dockerd, with the control plane started by the
 * launcher: health-gated rollouts with rollback, start-first, secrets, and compose stacks in dependency order.
 */
class DeployIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static ControlPlane controlPlane;
    private static DockerClient docker;
    private static ManagedProcess agent;
    private static SftpCloud cloud;
    private static UUID hostId;
    private static String admin;
    private static String gateway;
    private static final List<String> containers = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        docker = DockerEngine.require(DockerClients.connect(DockerClients.DEFAULT_HOST));
        LocalImages.busybox(docker);
        docker.tagImageCmd(LocalImages.BUSYBOX, "local/busybox", "e2e-2").exec();
        docker.tagImageCmd(LocalImages.BUSYBOX, "local/busybox", "e2e-3").exec();
        Path home = Files.createTempDirectory("homeport-deploy-e2e");
        controlPlane = new ControlPlane(home.resolve("control-plane"), Path.of(".."), ControlPlane.Ports.free());
        controlPlane.startAll();
        admin = controlPlane.auth().token("e2e-admin", List.of("admin"), Duration.ofHours(1));
        gateway = controlPlane.url(Service.API_GATEWAY);
        // volumes live on the shared remote (their synced copies and lease fences): a stand-in cloud
        cloud = SftpCloud.serve(home.resolve("cloud"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("type", "sftp", "options", Map.of(
                "host", "127.0.0.1", "port", Integer.toString(cloud.port()), "user", cloud.user(),
                "pass", cloud.password()))).put(gateway + "/api/v1/remotes/shared").then().statusCode(201);
        EnrolledAgent enrolled = EnrolledAgent.start(gateway, admin, home, Map.of());
        agent = enrolled.process();
        hostId = enrolled.hostId();
    }

    @AfterAll
    static void stop() {
        if (agent != null) {
            agent.stop(Duration.ofSeconds(10));
        }
        for (String name : containers) {
            try {
                docker.removeContainerCmd(name).withForce(true).exec();
            } catch (NotFoundException gone) {
                // nothing to clean
            }
        }
        if (controlPlane != null) {
            controlPlane.close();
        }
        if (cloud != null) {
            cloud.close();
        }
    }

    /**
     * An app with a secret runs on the agent's dockerd with the secret in its environment (and nowhere in the
     * agent's log) and passes its health gate; a new revision (a locally made image tag) whose health check fails
     * is rolled back automatically, and the host runs the good revision again. Then a start-first revision with
     * another tag starts beside the running one, which keeps running until the new one is healthy and takes its
     * place.
     */
    @Test
    void aRevisionFailingItsHealthCheckIsRolledBackAndAStartFirstOneReplacesTheRunningOne() throws Exception {
        String app = "dep" + UUID.randomUUID().toString().substring(0, 6);
        String container = "hp-" + app + "-0";
        containers.addAll(List.of(container, container + ".next"));
        String secret = "greeting-" + UUID.randomUUID();
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"value\":\"" + secret + "\"}")
                .put(gateway + "/api/v1/secrets/" + app).then().statusCode(201).body("version", equalTo(1));

        String first = deploy("POST", "/api/v1/apps", spec(app, LocalImages.BUSYBOX, "touch /tmp/ok", "/tmp/ok", 0)
                + "secrets: {GREETING: " + app + "}\n");
        await("revision 1 passes its gate").atMost(WAIT).until(() -> deploymentState(first).equals("SUCCEEDED"));
        InspectContainerResponse one = docker.inspectContainerCmd(container).exec();
        assertThat(one.getConfig().getLabels()).containsEntry("io.homeport.revision", "1");
        assertThat(List.of(one.getConfig().getEnv())).contains("GREETING=" + secret);
        assertThat(Files.readString(agent.logFile())).doesNotContain(secret);

        String second = deploy("PUT", "/api/v1/apps/" + app, spec(app, "local/busybox:e2e-2", "touch /tmp/ok",
                "/tmp/never-there", 0));
        await("revision 2 fails its health check and is rolled back").atMost(WAIT)
                .until(() -> deploymentState(second).equals("ROLLED_BACK"));
        given().auth().oauth2(admin).get(gateway + "/api/v1/deployments/" + second).then()
                .body("reason", containsString("unhealthy"));
        // the agent replaces the container, so between its removal and re-creation there is none to inspect
        await("the host runs revision 1 again").atMost(WAIT).ignoreException(NotFoundException.class)
                .until(() -> runs(container, "1", LocalImages.BUSYBOX));
        assertThat(List.of(docker.inspectContainerCmd(container).exec().getConfig().getEnv()))
                .as("revision 1 again, with its secret").contains("GREETING=" + secret);
        given().auth().oauth2(admin).get(gateway + "/api/v1/apps/" + app).then().statusCode(200)
                .body("targetRevision", equalTo(1)).body("goodRevision", equalTo(1));
        String oldId = docker.inspectContainerCmd(container).exec().getId();

        // healthy only 4 s after it starts: long enough to see both side by side
        String third = deploy("PUT", "/api/v1/apps/" + app, spec(app, "local/busybox:e2e-3",
                "sleep 4; touch /tmp/ok", "/tmp/ok", 10) + "rollout: start-first\n");
        String successor = container + ".next";
        await("the start-first successor runs").atMost(WAIT).ignoreException(NotFoundException.class)
                .until(() -> runs(successor, "3", "local/busybox:e2e-3"));
        assertThat(docker.inspectContainerCmd(container).exec()).as("the old container keeps serving")
                .satisfies(old -> {
                    assertThat(old.getId()).isEqualTo(oldId);
                    assertThat(old.getState().getRunning()).isTrue();
                });
        assertThat(deploymentState(third)).isEqualTo("IN_PROGRESS");
        await("revision 3 passes its gate").atMost(WAIT).until(() -> deploymentState(third).equals("SUCCEEDED"));
        assertThat(runs(container, "3", "local/busybox:e2e-3")).as("the successor took the name").isTrue();
        assertThatThrownBy(() -> docker.inspectContainerCmd(successor).exec()).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> docker.inspectContainerCmd(oldId).exec()).as("the old container is gone")
                .isInstanceOf(NotFoundException.class);

        // a start-first revision that never turns healthy: rolled back while revision 3 serves on, untouched
        InspectContainerResponse before = docker.inspectContainerCmd(container).exec();
        String serving = before.getId();
        String fourth = deploy("PUT", "/api/v1/apps/" + app, spec(app, "local/busybox:e2e-2", "touch /tmp/ok",
                "/tmp/never-there", 0) + "rollout: start-first\n");
        await("revision 4 fails beside revision 3 and is rolled back").atMost(WAIT)
                .until(() -> deploymentState(fourth).equals("ROLLED_BACK"));
        await("its successor is removed").atMost(WAIT).until(() -> !exists(successor));
        InspectContainerResponse after = docker.inspectContainerCmd(container).exec();
        assertThat(after.getId()).as("the serving container was never replaced").isEqualTo(serving);
        assertThat(after.getState().getRunning()).isTrue();
        assertThat(after.getState().getStartedAt()).as("nor restarted").isEqualTo(before.getState().getStartedAt());
    }

    /**
     * A three-service compose file (web → api → db) deploys as a stack: each service starts only once the one it
     * depends on has passed its health gate, and the three find each other by name on the stack's network. db's
     * volume is asked of the storage-manager first (db would stay queued without its answer) and bound in.
     */
    @Test
    void aComposeStackDeploysInDependencyOrder() {
        String stack = "st" + UUID.randomUUID().toString().substring(0, 6);
        String healthy = "healthcheck: {test: [CMD-SHELL, 'test -f /tmp/ok'], interval: 1s, retries: 3}";
        String compose = "services:\n"
                + "  web:\n    image: " + LocalImages.BUSYBOX + "\n    depends_on: [api]\n"
                + "    command: [sh, -c, 'ping -c 1 -W 2 api && touch /tmp/ok; exec sleep 3600']\n    " + healthy + "\n"
                + "  api:\n    image: " + LocalImages.BUSYBOX + "\n    depends_on: [db]\n"
                + "    command: [sh, -c, 'ping -c 1 -W 2 db && touch /tmp/ok; exec sleep 3600']\n    " + healthy + "\n"
                + "  db:\n    image: " + LocalImages.BUSYBOX + "\n    volumes: [dbdata:/data]\n"
                + "    command: [sh, -c, 'sleep 2; touch /tmp/ok; exec sleep 3600']\n    " + healthy + "\n"
                + "volumes:\n  dbdata:\n    x-homeport: {mode: local-synced}\n";
        List<String> names = List.of("db", "api", "web").stream().map(service -> "hp-" + stack + "-" + service + "-0")
                .toList();
        containers.addAll(names);

        JsonPath deployed = JsonPath.from(send("POST", "/api/v1/stacks?name=" + stack, compose).then()
                .statusCode(202).extract().asString());
        assertThat(deployed.getList("apps.app")).containsExactly(stack + "-db", stack + "-api", stack + "-web");
        assertThat(deployed.getList("apps.state")).as("db waits for its volume, the others for db, then api")
                .containsExactly("QUEUED", "QUEUED", "QUEUED");
        assertThat(deployed.getList("apps[0].waitsForVolumes")).containsExactly("dbdata");

        List<String> ids = deployed.getList("apps.deploymentId");
        await("the whole stack passes its gates").atMost(WAIT)
                .until(() -> ids.stream().allMatch(id -> deploymentState(id).equals("SUCCEEDED")));
        List<JsonPath> deployments = ids.stream().map(id -> given().auth().oauth2(admin)
                .get(gateway + "/api/v1/deployments/" + id).then().extract().jsonPath()).toList();
        assertThat(docker.inspectContainerCmd(names.get(0)).exec().getHostConfig().getBinds())
                .extracting(bind -> bind.getVolume().getPath()).containsExactly("/data");
        for (int i = 1; i < 3; i++) {
            Instant started = Instant.parse(deployments.get(i).getString("startedAt"));
            Instant dependencyDone = Instant.parse(deployments.get(i - 1).getString("finishedAt"));
            assertThat(started).as(ids.get(i) + " started after what it depends on succeeded")
                    .isAfterOrEqualTo(dependencyDone);
            Instant containerStarted = startedAt(names.get(i));
            assertThat(containerStarted).as(names.get(i) + " started after " + names.get(i - 1))
                    .isAfter(startedAt(names.get(i - 1)));
        }
    }

    /**
     * An image in a real private registry (Distribution with an htpasswd user, on loopback) deploys with its login
     * stored as a secret and named by {@code registryCredentials}: the agent pulls it with the sealed login.
     */
    @Test
    void aPrivateImageIsPulledWithItsStoredLogin() throws Exception {
        String app = "priv" + UUID.randomUUID().toString().substring(0, 6);
        try (LocalRegistry registry = LocalRegistry.start(Files.createTempDirectory("homeport-registry"), "e2e",
                "e2e-registry-pw")) {
            String repository = registry.address() + "/hp/" + app;
            docker.tagImageCmd(LocalImages.BUSYBOX, repository, "1").exec();
            docker.pushImageCmd(repository).withTag("1").withAuthConfig(new AuthConfig().withUsername("e2e")
                    .withPassword("e2e-registry-pw").withRegistryAddress(registry.address())).start()
                    .awaitCompletion(60, TimeUnit.SECONDS);
            docker.removeImageCmd(repository + ":1").exec(); // only the registry has it now
            containers.add("hp-" + app + "-0");
            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body("{\"value\":\"{\\\"username\\\":\\\"e2e\\\",\\\"password\\\":\\\"e2e-registry-pw\\\"}\"}")
                    .put(gateway + "/api/v1/secrets/" + app + "-login").then().statusCode(201);

            String id = deploy("POST", "/api/v1/apps", spec(app, repository + ":1", "touch /tmp/ok", "/tmp/ok", 0)
                    + "registryCredentials: " + app + "-login\n");
            await("the private image is pulled and passes its gate").atMost(WAIT)
                    .until(() -> deploymentState(id).equals("SUCCEEDED"));
            assertThat(runs("hp-" + app + "-0", "1", repository + ":1")).isTrue();
            assertThat(Files.readString(agent.logFile())).doesNotContain("e2e-registry-pw");
        }
    }

    private static boolean exists(String container) {
        try {
            docker.inspectContainerCmd(container).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static Instant startedAt(String container) {
        return Instant.parse(docker.inspectContainerCmd(container).exec().getState().getStartedAt());
    }

    private static boolean runs(String container, String revision, String image) {
        InspectContainerResponse inspected = docker.inspectContainerCmd(container).exec();
        return revision.equals(inspected.getConfig().getLabels().get("io.homeport.revision"))
                && image.equals(inspected.getConfig().getImage())
                && Boolean.TRUE.equals(inspected.getState().getRunning());
    }

    /**
     * An app spec placed on the agent's host whose health check passes once {@code healthFile} exists; failures in
     * the first {@code startPeriod} seconds do not count.
     */
    private static String spec(String app, String image, String startup, String healthFile, int startPeriod) {
        return "name: " + app + "\nimage: " + image + "\n"
                + "command: [sh, -c, '" + startup + "; exec sleep 3600']\n"
                + "healthCheck: {test: [CMD-SHELL, 'test -f " + healthFile + "'], intervalSeconds: 1, retries: 2,"
                + " startPeriodSeconds: " + startPeriod + "}\n"
                + "placement: {hostId: " + hostId + "}\n";
    }

    /** Deploys (POST) or updates (PUT) through the gateway; the deployment id. */
    private static String deploy(String method, String path, String spec) {
        return send(method, path, spec).then().statusCode(202).extract().path("id");
    }

    /** Sends YAML once the agent's host is online for placement (until then nothing fits: 422). */
    private static Response send(String method, String path, String yaml) {
        Response[] last = new Response[1];
        await("the host is online for placement").atMost(WAIT).until(() -> {
            last[0] = given().auth().oauth2(admin).contentType("application/yaml")
                    .body(yaml.getBytes(StandardCharsets.UTF_8)).request(method, gateway + path);
            return last[0].statusCode() != 422;
        });
        return last[0];
    }

    private static String deploymentState(String id) {
        return given().auth().oauth2(admin).get(gateway + "/api/v1/deployments/" + id)
                .then().statusCode(200).extract().path("state");
    }
}
