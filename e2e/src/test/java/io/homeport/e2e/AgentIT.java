package io.homeport.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.homeport.agent.docker.DockerClients;
import io.homeport.agent.protocol.Commands;
import io.homeport.agent.protocol.ContainerSpec;
import io.homeport.agent.protocol.Frame;
import io.homeport.agent.protocol.PullPolicy;
import io.homeport.events.EventCodec;
import io.homeport.events.EventTypes;
import io.homeport.events.Topics;
import io.homeport.events.agent.AgentCommandCompleted;
import io.homeport.events.agent.AgentCommandProgress;
import io.homeport.events.agent.AgentCommandRequested;
import io.homeport.events.agent.AgentDesiredState;
import io.homeport.launcher.ControlPlane;
import io.homeport.launcher.Service;
import io.homeport.launcher.process.ManagedProcess;
import io.homeport.testkit.AgentProcess;
import io.homeport.testkit.DockerEngine;
import io.homeport.testkit.EventReader;
import io.homeport.testkit.EventWriter;
import io.homeport.testkit.LocalImages;
import io.homeport.testkit.Rclone;
import io.restassured.http.ContentType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real agent process on this machine's dockerd, enrolled with the control plane started by the launcher:
 * it converges to the desired state, heals drift, runs one-shot commands (logs and restart through the API, an
 * rclone copy requested on Kafka), survives the gateway going away and its own restart without restarting a
 * container.
 */
class AgentIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static ControlPlane controlPlane;
    private static DockerClient docker;
    private static Path home;
    private ManagedProcess agent;

    @BeforeAll
    static void start() throws Exception {
        docker = DockerEngine.require(DockerClients.connect(DockerClients.DEFAULT_HOST));
        LocalImages.busybox(docker);
        home = Files.createTempDirectory("homeport-agent-e2e");
        Files.writeString(home.resolve("rclone.conf"), ""); // local paths need no remote
        controlPlane = new ControlPlane(home.resolve("control-plane"), Path.of(".."), ControlPlane.Ports.free());
        controlPlane.startAll();
    }

    @AfterAll
    static void stop() {
        if (controlPlane != null) {
            controlPlane.close();
        }
    }

    private ManagedProcess startAgent(String enrollmentKey) {
        return AgentProcess.start(Path.of(".."), home.resolve("agent"), Map.of(
                "HOMEPORT_GATEWAY_URL", controlPlane.url(Service.API_GATEWAY),
                "HOMEPORT_ENROLLMENT_KEY", enrollmentKey,
                "HOMEPORT_RCLONE", Rclone.require(),
                "HOMEPORT_RCLONE_CONFIG", home.resolve("rclone.conf").toString(),
                "HOMEPORT_AGENT_HEARTBEAT", "PT1S",
                "HOMEPORT_AGENT_SNAPSHOT", "PT2S"));
    }

    @Test
    void theAgentConvergesHealsAndOutlivesTheGatewayAndItsOwnRestart() throws Exception {
        String admin = controlPlane.auth().token("e2e-admin", List.of("admin"), Duration.ofHours(1));
        String key = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"kind\":\"REUSABLE\",\"maxUses\":1}")
                .post(controlPlane.url(Service.API_GATEWAY) + "/api/v1/enrollment-keys")
                .then().statusCode(201).extract().path("key");
        agent = startAgent(key);
        String app = "e2e" + UUID.randomUUID().toString().substring(0, 6);
        try (EventReader reports = new EventReader(controlPlane.kafkaBootstrapServers(), Topics.AGENT_REPORTS)) {
            Path credential = home.resolve("agent/credential.json");
            await().atMost(WAIT).until(() -> Files.exists(credential));
            UUID hostId = UUID.fromString(new ObjectMapper().readTree(credential.toFile()).path("hostId").asText());
            assertThat(Files.readString(agent.logFile())).doesNotContain(key);

            List<ContainerSpec> desired = List.of(spec(app, 0), spec(app, 1), spec(app, 2));
            publishDesired(hostId, 1, desired);
            await().atMost(WAIT).until(() -> desired.stream().allMatch(this::running));
            String startedAt = inspect(desired.get(0)).getState().getStartedAt();

            docker.removeContainerCmd(desired.get(2).containerName()).withForce(true).exec();
            await("a container removed by hand comes back").atMost(WAIT).until(() -> running(desired.get(2)));

            String logs = given().auth().oauth2(admin).get(containerUrl(hostId, desired.get(0)) + "/logs?tail=5")
                    .then().statusCode(200).extract().asString();
            assertThat(logs).contains("replica 0 started");
            String before = inspect(desired.get(1)).getState().getStartedAt();
            given().auth().oauth2(admin).post(containerUrl(hostId, desired.get(1)) + "/restart?timeout=1")
                    .then().statusCode(200);
            assertThat(inspect(desired.get(1)).getState().getStartedAt()).as("restarted").isNotEqualTo(before);
            rcloneCopyRequestedOnKafka(hostId, reports);

            String laterKey = given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body("{\"kind\":\"REUSABLE\",\"maxUses\":1}")
                    .post(controlPlane.url(Service.API_GATEWAY) + "/api/v1/enrollment-keys")
                    .then().statusCode(201).extract().path("key");
            controlPlane.stopService(Service.API_GATEWAY);
            // installed while the gateway is down: it keeps asking until the gateway is back
            ManagedProcess early = AgentProcess.start(Path.of(".."), home.resolve("early-agent"),
                    Map.of("HOMEPORT_GATEWAY_URL", controlPlane.url(Service.API_GATEWAY), "HOMEPORT_ENROLLMENT_KEY",
                            laterKey));
            ManagedProcess refused = AgentProcess.start(Path.of(".."), home.resolve("refused-agent"),
                    Map.of("HOMEPORT_GATEWAY_URL", controlPlane.url(Service.API_GATEWAY), "HOMEPORT_ENROLLMENT_KEY",
                            "hpe_not-a-key"));
            try {
                await("the early agent retries").atMost(WAIT).until(() -> early.printed("retrying in").getAsBoolean());
                Thread.sleep(3_000);
                assertThat(desired).allMatch(this::running);
                controlPlane.startService(Service.API_GATEWAY, Map.of());
                await("the agent reconnects").atMost(WAIT).until(() -> reports.readFor(Duration.ofMillis(500))
                        .stream().filter(r -> hostId.toString().equals(r.key())
                                && r.value().getType().equals(EventTypes.AGENT_CONNECTED.type())).count() >= 2);
                await("the early agent enrolls once the gateway is back").atMost(WAIT)
                        .until(() -> Files.exists(home.resolve("early-agent/credential.json")));
                await("an agent whose key is refused stops instead of retrying").atMost(WAIT)
                        .until(() -> !refused.isAlive());
                assertThat(refused.tail(20)).contains("enrollment refused (HTTP 4");
                assertThat(Files.readString(early.logFile())).doesNotContain(laterKey);
            } finally {
                early.stop(Duration.ofSeconds(10));
                refused.stop(Duration.ofSeconds(1));
            }

            agent.kill();
            agent = startAgent(key);
            await("the restarted agent reports again").atMost(WAIT).until(() -> reports
                    .readFor(Duration.ofMillis(500)).stream().filter(r -> hostId.toString().equals(r.key())
                            && r.value().getType().equals(EventTypes.AGENT_CONNECTED.type())).count() >= 3);
            Thread.sleep(3_000); // a snapshot interval: the restarted agent has re-applied the desired state
            assertThat(inspect(desired.get(0)).getState().getStartedAt()).as("no container restarted")
                    .isEqualTo(startedAt);
        } finally {
            agent.stop(Duration.ofSeconds(10));
            for (int replica = 0; replica < 3; replica++) {
                try {
                    docker.removeContainerCmd(spec(app, replica).containerName()).withForce(true).exec();
                } catch (NotFoundException gone) {
                    // nothing to clean
                }
            }
        }
    }


    /**
     * The agent as a container (host-agent/image/build, FROM scratch, no registry): it enrolls, its host is
     * adopted, it converges a desired state through the mounted Docker socket, and removing the agent's own
     * container stops none of the containers it manages.
     */
    @Test
    void theAgentRunsAsAContainer() throws Exception {
        String image = "homeport/agent:e2e";
        Process build = new ProcessBuilder("../host-agent/image/build", image).redirectErrorStream(true)
                .redirectOutput(home.resolve("image-build.log").toFile()).start();
        assertThat(build.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(build.exitValue()).as(Files.readString(home.resolve("image-build.log"))).isZero();

        String admin = controlPlane.auth().token("e2e-admin", List.of("admin"), Duration.ofHours(1));
        String key = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"kind\":\"REUSABLE\",\"maxUses\":1}")
                .post(controlPlane.url(Service.API_GATEWAY) + "/api/v1/enrollment-keys")
                .then().statusCode(201).extract().path("key");
        String agentContainer = docker.createContainerCmd(image)
                .withName("homeport-agent-e2e-" + UUID.randomUUID().toString().substring(0, 6))
                .withEnv("HOMEPORT_GATEWAY_URL=" + controlPlane.url(Service.API_GATEWAY),
                        "HOMEPORT_ENROLLMENT_KEY=" + key, "HOMEPORT_HOST_ROOT=/host", "HOMEPORT_AGENT_SNAPSHOT=PT2S")
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("host").withBinds(
                        Bind.parse("/var/run/docker.sock:/var/run/docker.sock"), Bind.parse("/:/host:ro")))
                .exec().getId();
        String app = "img" + UUID.randomUUID().toString().substring(0, 6);
        ContainerSpec spec = spec(app, 0);
        try {
            docker.startContainerCmd(agentContainer).exec();
            Pattern forHost = Pattern.compile("for host ([0-9a-f-]{36})");
            await("the containerised agent connects").atMost(WAIT)
                    .until(() -> containerLog(agentContainer).contains("Connected to the hub"));
            Matcher matcher = forHost.matcher(containerLog(agentContainer));
            assertThat(matcher.find()).isTrue();
            UUID hostId = UUID.fromString(matcher.group(1));
            assertThat(containerLog(agentContainer)).doesNotContain(key);
            await("its host is adopted").atMost(WAIT).until(() -> given().auth().oauth2(admin)
                    .get(controlPlane.url(Service.API_GATEWAY) + "/api/v1/hosts/" + hostId).statusCode() == 200);

            publishDesired(hostId, 1, List.of(spec));
            await("it converges through the mounted socket").atMost(WAIT).until(() -> running(spec));

            docker.removeContainerCmd(agentContainer).withForce(true).exec();
            Thread.sleep(1_000);
            assertThat(running(spec)).as("removing the agent stops nothing").isTrue();
        } finally {
            for (String name : List.of(agentContainer, spec.containerName())) {
                try {
                    docker.removeContainerCmd(name).withForce(true).exec();
                } catch (NotFoundException gone) {
                    // removed already
                }
            }
        }
    }

    private String containerLog(String container) throws InterruptedException {
        StringBuilder log = new StringBuilder();
        docker.logContainerCmd(container).withStdOut(true).withStdErr(true)
                .exec(new ResultCallback.Adapter<com.github.dockerjava.api.model.Frame>() {
                    @Override
                    public void onNext(com.github.dockerjava.api.model.Frame frame) {
                        log.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                    }
                }).awaitCompletion(10, TimeUnit.SECONDS);
        return log.toString();
    }

    /**
     * An rclone copy requested on Kafka, as the storage-manager will: progress and the result come back as events,
     * and the copy is byte-identical. The request is repeated until the result arrives (the gateway reads commands
     * from the moment it joined); the agent runs a command id once, so there is exactly one result.
     */
    private void rcloneCopyRequestedOnKafka(UUID hostId, EventReader reports) throws Exception {
        Path source = home.resolve("rclone/source");
        Files.createDirectories(source.resolve("sub"));
        byte[] data = new byte[6 * 1024 * 1024];
        new Random(3).nextBytes(data);
        Files.write(source.resolve("sub/data.bin"), data);
        Path target = home.resolve("rclone/target");
        Frame.Command copy = Commands.rclone("copy", source.toString(), target.toString(),
                Map.of(Commands.BANDWIDTH_LIMIT, "3M"));

        await("the copy's result").atMost(WAIT).pollInterval(Duration.ofSeconds(3)).until(() -> {
            request(hostId, copy);
            return completions(reports, copy).count() > 0;
        });

        assertThat(completions(reports, copy).toList()).singleElement()
                .satisfies(done -> assertThat(done.succeeded()).as(done.output()).isTrue());
        assertThat(reports.readFor(Duration.ZERO).stream().map(r -> r.value())
                .filter(e -> e.getType().equals(EventTypes.AGENT_COMMAND_PROGRESS.type()))
                .map(e -> EventCodec.payload(e, EventTypes.AGENT_COMMAND_PROGRESS))
                .filter(p -> p.commandId().equals(copy.id())).map(AgentCommandProgress::totalBytes))
                .as("progress while copying").isNotEmpty().contains((long) data.length);
        assertThat(Files.readAllBytes(target.resolve("sub/data.bin"))).isEqualTo(data);
    }

    private java.util.stream.Stream<AgentCommandCompleted> completions(EventReader reports, Frame.Command command) {
        return reports.readFor(Duration.ofMillis(200)).stream().map(r -> r.value())
                .filter(e -> e.getType().equals(EventTypes.AGENT_COMMAND_COMPLETED.type()))
                .map(e -> EventCodec.payload(e, EventTypes.AGENT_COMMAND_COMPLETED))
                .filter(done -> done.commandId().equals(command.id()));
    }

    private void request(UUID hostId, Frame.Command command) {
        try (EventWriter writer = new EventWriter(controlPlane.kafkaBootstrapServers())) {
            writer.publish(Topics.AGENT_COMMANDS, EventCodec.create(EventTypes.AGENT_COMMAND_REQUESTED,
                    URI.create("/homeport/e2e"), hostId.toString(), new AgentCommandRequested(command.id(), hostId,
                            command.kind(), command.args(), Instant.now().plusSeconds(60)), Clock.systemUTC()));
        }
    }

    private String containerUrl(UUID hostId, ContainerSpec spec) {
        return controlPlane.url(Service.API_GATEWAY) + "/api/v1/hosts/" + hostId + "/containers/"
                + spec.containerName();
    }

    private static ContainerSpec spec(String app, int replica) {
        return new ContainerSpec(app, replica, 1, LocalImages.BUSYBOX,
                List.of("sh", "-c", "echo replica $REPLICA started; exec sleep 3600"),
                Map.of("REPLICA", Integer.toString(replica)), Map.of(), List.of(), "unless-stopped", PullPolicy.NEVER);
    }

    private void publishDesired(UUID hostId, long revision, List<ContainerSpec> containers) {
        try (EventWriter writer = new EventWriter(controlPlane.kafkaBootstrapServers())) {
            writer.publish(Topics.AGENT_DESIRED_STATE, EventCodec.create(EventTypes.AGENT_DESIRED_STATE,
                    URI.create("/homeport/deployer"), hostId.toString(),
                    new AgentDesiredState(hostId, revision, containers), Clock.systemUTC()));
        }
    }

    private InspectContainerResponse inspect(ContainerSpec spec) {
        return docker.inspectContainerCmd(spec.containerName()).exec();
    }

    private boolean running(ContainerSpec spec) {
        try {
            return Boolean.TRUE.equals(inspect(spec).getState().getRunning());
        } catch (NotFoundException e) {
            return false;
        }
    }
}
