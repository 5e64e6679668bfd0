package io.homeport.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.homeport.agent.docker.DockerClients;
import io.homeport.agent.protocol.ContainerSpec;
import io.homeport.agent.protocol.PullPolicy;
import io.homeport.events.EventCodec;
import io.homeport.events.EventTypes;
import io.homeport.events.Topics;
import io.homeport.events.agent.AgentDesiredState;
import io.homeport.launcher.ControlPlane;
import io.homeport.launcher.Service;
import io.homeport.testkit.DockerEngine;
import io.homeport.testkit.EventReader;
import io.homeport.testkit.EventWriter;
import io.homeport.testkit.ExecResult;
import io.homeport.testkit.LocalImages;
import io.homeport.testkit.TestHost;
import io.homeport.testkit.TestHosts;
import io.restassured.http.ContentType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agent installed the way a server gets it: the packaged agent in {@code /opt/homeport-agent}, the unit
 * {@code deploy/ansible/roles/homeport_agent/files/homeport-agent.service} as shipped, with all its hardening, on a
 * fresh Debian 12 with systemd as PID 1 and its own dockerd (testkit {@link TestHosts}). It enrolls over the host's
 * link with the control plane running here, converges a desired state on the host's engine, and neither stopping nor
 * starting the unit touches a container.
 */
class AgentSystemdIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String INSTALL_DIR = "/opt/homeport-agent";

    private static ControlPlane controlPlane;
    private static TestHost host;
    private static Path home;

    @BeforeAll
    static void start() throws Exception {
        LocalImages.busybox(DockerEngine.require(DockerClients.connect(DockerClients.DEFAULT_HOST)));
        host = TestHosts.boot("agent-systemd");
        host.installCachedPackages("docker.io", "openjdk-17-jre-headless"); // what provisioning would install
        home = Files.createTempDirectory("homeport-agent-systemd-e2e");
        controlPlane = new ControlPlane(home.resolve("control-plane"), Path.of(".."), ControlPlane.Ports.free());
        controlPlane.startInfrastructure();
        // The launcher binds services to 127.0.0.1; the test host reaches this machine only over its own link.
        controlPlane.startServices(List.of(Service.values()),
                Map.of(Service.API_GATEWAY, Map.of("HOMEPORT_HTTP_HOST", "0.0.0.0")));
    }

    @AfterAll
    static void stop() {
        if (host != null) {
            host.close();
        }
        if (controlPlane != null) {
            controlPlane.close();
        }
    }

    @Test
    void theHardenedUnitRunsTheAgentAndStoppingItStopsNoContainer() throws Exception {
        assertThat(host.exec("systemctl", "is-active", "docker").stdout().strip()).isEqualTo("active");
        String admin = controlPlane.auth().token("e2e-admin", List.of("admin"), Duration.ofHours(1));
        String key = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"kind\":\"REUSABLE\",\"maxUses\":5}")
                .post(controlPlane.url(Service.API_GATEWAY) + "/api/v1/enrollment-keys")
                .then().statusCode(201).extract().path("key");
        install(key);
        loadBusyboxImage();

        try (EventReader reports = new EventReader(controlPlane.kafkaBootstrapServers(), Topics.AGENT_REPORTS)) {
            host.exec("systemctl", "enable", "--now", "homeport-agent").orThrow();
            UUID hostId = await("the agent connects").atMost(WAIT).until(() -> connections(reports, null)
                    .stream().findFirst().orElse(null), id -> id != null);
            assertThat(host.exec("systemctl", "is-active", "homeport-agent").stdout().strip()).isEqualTo("active");
            assertThat(unitProperty("NRestarts")).as("the unit never restarted the agent").isEqualTo("0");
            String sandbox = host.exec("cat", "/proc/" + unitProperty("MainPID") + "/status").orThrow().stdout();
            assertThat(sandbox).as("the hardening is in effect")
                    // only CAP_CHOWN, CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH and CAP_FOWNER (bits 0-3), for volumes' files
                    .containsPattern("NoNewPrivs:\\s+1").containsPattern("CapEff:\\s+0{15}f")
                    .containsPattern("Seccomp:\\s+2");
            Map<String, Object> inventory = await("the host is adopted").atMost(WAIT).until(() -> given().auth()
                    .oauth2(admin).get(controlPlane.url(Service.API_GATEWAY) + "/api/v1/hosts/" + hostId)
                    .then().extract().<Map<String, Object>>path("$"), found -> found != null && found.get("id") != null);
            assertThat(inventory).containsEntry("origin", "ADOPTED").containsEntry("name", host.name());

            ContainerSpec web = new ContainerSpec("sysd", 0, 1, LocalImages.BUSYBOX,
                    List.of("sh", "-c", "echo started; exec sleep 3600"), Map.of(), Map.of(), List.of(),
                    "unless-stopped", PullPolicy.NEVER);
            publishDesired(hostId, List.of(web));
            await("the desired container runs on the test host's dockerd").atMost(WAIT)
                    .until(() -> running(web));
            String startedAt = startedAt(web);

            host.exec("systemctl", "stop", "homeport-agent").orThrow();
            assertThat(host.exec("systemctl", "is-active", "homeport-agent").stdout().strip())
                    .as("a clean stop: %s", host.exec("systemctl", "status", "--no-pager", "homeport-agent"))
                    .isEqualTo("inactive");
            assertThat(running(web)).as("stopping the agent stops no container (KillMode=process)").isTrue();

            host.exec("systemctl", "start", "homeport-agent").orThrow();
            await("the agent connects again").atMost(WAIT).until(() -> connections(reports, hostId).size() >= 2);
            Thread.sleep(3_000); // a snapshot interval: the restarted agent has re-applied the desired state
            assertThat(startedAt(web)).as("the restarted agent restarted no container").isEqualTo(startedAt);

            String journal = host.exec("journalctl", "-u", "homeport-agent", "--no-pager", "-o", "cat").orThrow()
                    .stdout();
            assertThat(journal).contains("Connected to the hub").doesNotContain("hpe_").doesNotContain("hpa_")
                    .doesNotContain(key);
        }

        ExecResult security = host.exec("systemd-analyze", "security", "--no-pager", "homeport-agent.service");
        System.out.println(security.stdout());
        Matcher exposure = Pattern.compile("Overall exposure level for homeport-agent.service: ([0-9.]+) (\\w+)")
                .matcher(security.stdout());
        assertThat(exposure.find()).as(security.toString()).isTrue();
        System.out.printf("systemd-analyze security homeport-agent: %s %s%n", exposure.group(1), exposure.group(2));
    }

    /** The agent as packaged (jar, lib/, jvm.options), the unit as shipped, and its 0600 environment file. */
    private static void install(String enrollmentKey) {
        Path repository = Path.of("..").toAbsolutePath().normalize();
        host.copyIn(repository.resolve("host-agent/target/homeport-agent.jar"), INSTALL_DIR + "/homeport-agent.jar");
        host.copyIn(repository.resolve("host-agent/target/lib"), INSTALL_DIR + "/lib");
        host.copyIn(repository.resolve("host-agent/jvm.options"), INSTALL_DIR + "/jvm.options");
        host.copyIn(repository.resolve("deploy/ansible/roles/homeport_agent/files/homeport-agent.service"),
                "/etc/systemd/system/homeport-agent.service");
        int gatewayPort = URI.create(controlPlane.url(Service.API_GATEWAY)).getPort();
        host.writeFile("/etc/homeport/agent.env", String.join("\n",
                "HOMEPORT_GATEWAY_URL=http://" + host.gatewayAddress() + ":" + gatewayPort,
                "HOMEPORT_ENROLLMENT_KEY=" + enrollmentKey,
                "HOMEPORT_AGENT_HEARTBEAT=PT1S",
                "HOMEPORT_AGENT_SNAPSHOT=PT2S", ""), 0600);
        host.exec("systemctl", "daemon-reload").orThrow();
    }

    /** There is no registry: the image the desired state names comes from this machine's engine. */
    private static void loadBusyboxImage() throws Exception {
        Path image = home.resolve("busybox.tar");
        Process save = new ProcessBuilder("docker", "save", "-o", image.toString(), LocalImages.BUSYBOX)
                .redirectErrorStream(true).start();
        assertThat(save.waitFor(2, TimeUnit.MINUTES) && save.exitValue() == 0)
                .as(new String(save.getInputStream().readAllBytes())).isTrue();
        host.copyIn(image, "/root/busybox.tar");
        host.exec("docker", "load", "--input", "/root/busybox.tar").orThrow();
    }

    /** The hosts whose agent connected, in order; only {@code hostId}'s when given. */
    private static List<UUID> connections(EventReader reports, UUID hostId) {
        return reports.readFor(Duration.ofMillis(500)).stream()
                .filter(r -> r.value().getType().equals(EventTypes.AGENT_CONNECTED.type()))
                .map(r -> UUID.fromString(r.key()))
                .filter(id -> hostId == null || id.equals(hostId))
                .toList();
    }

    private static String unitProperty(String property) {
        return host.exec("systemctl", "show", "homeport-agent", "--property=" + property, "--value").orThrow()
                .stdout().strip();
    }

    private static void publishDesired(UUID hostId, List<ContainerSpec> containers) {
        try (EventWriter writer = new EventWriter(controlPlane.kafkaBootstrapServers())) {
            writer.publish(Topics.AGENT_DESIRED_STATE, EventCodec.create(EventTypes.AGENT_DESIRED_STATE,
                    URI.create("/homeport/deployer"), hostId.toString(),
                    new AgentDesiredState(hostId, 1, containers), Clock.systemUTC()));
        }
    }

    private static boolean running(ContainerSpec spec) {
        return inspect(spec, "{{.State.Running}}").equals("true");
    }

    private static String startedAt(ContainerSpec spec) {
        return inspect(spec, "{{.State.StartedAt}}");
    }

    private static String inspect(ContainerSpec spec, String format) {
        ExecResult inspect = host.exec("docker", "inspect", "--format", format, spec.containerName());
        return inspect.succeeded() ? inspect.stdout().strip() : "";
    }
}
