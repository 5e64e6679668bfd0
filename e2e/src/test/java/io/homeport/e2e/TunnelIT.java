package io.homeport.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import io.homeport.agent.docker.DockerClients;
import io.homeport.launcher.ControlPlane;
import io.homeport.launcher.Service;
import io.homeport.launcher.process.ManagedProcess;
import io.homeport.testkit.CloudflareApiStandIn;
import io.homeport.testkit.DockerEngine;
import io.homeport.testkit.LocalImages;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Public exposure through the whole control plane: a host's agent connects, the tunnel-manager makes the host's
 * tunnel at the Cloudflare API stand-in and has the deployer place its cloudflared connector on the host (the
 * stand-in image, which refuses to start without a token), and an app deployed with DockFlare labels gets its ingress
 * rule and proxied CNAME, listed by the gateway. The API token and the tunnel's token reach no log.
 */
class TunnelIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String API_TOKEN = "cfE2eOnly_" + UUID.randomUUID().toString().replace("-", "");
    private static final String ACCOUNT = "e2e0123456789abcdef0123456789abc";

    private static ControlPlane controlPlane;
    private static CloudflareApiStandIn cloudflare;
    private static DockerClient docker;
    private static ManagedProcess agent;
    private static UUID hostId;
    private static String hostName;
    private static String admin;
    private static String gateway;
    private static String zone;
    private static String zoneId;
    private static final List<String> containers = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        docker = DockerEngine.require(DockerClients.connect(DockerClients.DEFAULT_HOST));
        LocalImages.busybox(docker);
        LocalImages.cloudflaredStandIn(docker);
        cloudflare = new CloudflareApiStandIn(API_TOKEN, ACCOUNT);
        zone = "t" + UUID.randomUUID().toString().substring(0, 6) + ".example.com";
        zoneId = cloudflare.seedZone(zone);
        Path home = Files.createTempDirectory("homeport-tunnel-e2e");
        controlPlane = new ControlPlane(home.resolve("control-plane"), Path.of(".."), ControlPlane.Ports.free());
        controlPlane.startInfrastructure();
        controlPlane.startServices(List.of(Service.values()), Map.of(Service.TUNNEL_MANAGER,
                cloudflare.tunnelManagerEnvironment(LocalImages.CLOUDFLARED_STAND_IN)));
        admin = controlPlane.auth().token("e2e-admin", List.of("admin"), Duration.ofHours(1));
        gateway = controlPlane.url(Service.API_GATEWAY);
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
        if (cloudflare != null) {
            cloudflare.close();
        }
    }

    @Test
    void aHostGetsItsTunnelAndConnectorAndALabelledAppIsServedThroughIt() throws Exception {
        // the host's tunnel, found by the tunnel-manager's view through the gateway
        JsonPath tunnelView = await("the host's tunnel and connector").atMost(WAIT).until(() -> JsonPath.from(
                given().auth().oauth2(admin).get(gateway + "/api/v1/tunnels").then().statusCode(200).extract()
                        .asString()), view -> view.getList("findAll { it.hostId == '" + hostId
                                + "' && it.connectorDeployed }").size() == 1);
        String tunnelId = tunnelView.getString("find { it.hostId == '" + hostId + "' }.tunnelId");
        hostName = tunnelView.getString("find { it.hostId == '" + hostId + "' }.hostName");
        assertThat(cloudflare.tunnels()).filteredOn(t -> t.path("id").asText().equals(tunnelId))
                .singleElement().satisfies(t -> {
                    assertThat(t.path("name").asText()).isEqualTo("homeport-" + hostName.toLowerCase()
                            .replaceAll("[^a-z0-9-]+", "-"));
                    assertThat(t.path("config_src").asText()).isEqualTo("cloudflare");
                });

        // its connector runs on the host, placed by the deployer, with the tunnel's token from a secret
        String connector = "hp-cloudflared-" + hostId.toString().replace("-", "").substring(0, 12) + "-0";
        containers.add(connector);
        await("the connector runs on the host").atMost(WAIT).ignoreException(NotFoundException.class)
                .until(() -> Boolean.TRUE.equals(docker.inspectContainerCmd(connector).exec().getState()
                        .getRunning()));
        InspectContainerResponse inspected = docker.inspectContainerCmd(connector).exec();
        assertThat(inspected.getConfig().getCmd()).containsExactly("tunnel", "--no-autoupdate", "run");
        String token = Stream.of(inspected.getConfig().getEnv()).filter(e -> e.startsWith("TUNNEL_TOKEN="))
                .map(e -> e.substring("TUNNEL_TOKEN=".length())).findFirst().orElseThrow();
        JsonNode decoded = new ObjectMapper().readTree(Base64.getDecoder().decode(token));
        assertThat(decoded.path("t").asText()).as("the token is this tunnel's").isEqualTo(tunnelId);

        // an app with DockFlare labels: its rule in the tunnel, its CNAME in the zone, its route in the API
        String app = "web" + UUID.randomUUID().toString().substring(0, 6);
        containers.add("hp-" + app + "-0");
        String hostname = app + "." + zone;
        String spec = "name: " + app + "\nimage: " + LocalImages.BUSYBOX + "\n"
                + "command: [sh, -c, 'exec sleep 3600']\n"
                + "labels: {dockflare.enable: 'true', dockflare.hostname: " + hostname + ", "
                + "dockflare.service: 'http://" + app + ":8080', dockflare.path: /api}\n"
                + "placement: {hostId: " + hostId + "}\n";
        String deployment = await("the host is online for placement").atMost(WAIT).until(() -> {
            var answer = given().auth().oauth2(admin).contentType("application/yaml")
                    .body(spec.getBytes(StandardCharsets.UTF_8)).post(gateway + "/api/v1/apps");
            return answer.statusCode() == 202 ? answer.jsonPath().getString("id") : null;
        }, id -> id != null);
        await("the app runs").atMost(WAIT).until(() -> given().auth().oauth2(admin)
                .get(gateway + "/api/v1/deployments/" + deployment).path("state").equals("SUCCEEDED"));

        await("its ingress rule").atMost(WAIT).until(() -> ingress(tunnelId).stream().anyMatch(rule ->
                rule.path("hostname").asText().equals(hostname) && rule.path("path").asText().equals("/api")
                        && rule.path("service").asText().equals("http://" + app + ":8080")));
        List<JsonNode> rules = ingress(tunnelId);
        assertThat(rules.get(rules.size() - 1).path("service").asText()).isEqualTo("http_status:404");
        await("its CNAME").atMost(WAIT).until(() -> cloudflare.dnsRecords(zoneId).stream().anyMatch(record ->
                record.path("name").asText().equals(hostname) && record.path("type").asText().equals("CNAME")
                        && record.path("content").asText().equals(tunnelId + ".cfargotunnel.com")
                        && record.path("proxied").asBoolean()));
        await("the route, served").atMost(WAIT).until(() -> given().auth().oauth2(admin)
                .get(gateway + "/api/v1/routes/" + hostname).then().statusCode(200).extract().jsonPath()
                .getString("[0].exposedAt") != null);
        JsonPath route = given().auth().oauth2(admin).get(gateway + "/api/v1/routes/" + hostname).then()
                .statusCode(200).extract().jsonPath();
        assertThat(route.getString("[0].state")).isEqualTo("ACTIVE");
        assertThat(route.getString("[0].hostId")).isEqualTo(hostId.toString());
        assertThat(route.getString("[0].app")).isEqualTo(app);

        for (Path log : logs()) {
            assertThat(Files.readString(log, StandardCharsets.ISO_8859_1)).as(log.toString())
                    .doesNotContain(API_TOKEN).doesNotContain(token);
        }
    }

    private static List<JsonNode> ingress(String tunnelId) {
        JsonNode config = cloudflare.configuration(tunnelId);
        List<JsonNode> rules = new ArrayList<>();
        Optional.ofNullable(config).ifPresent(c -> c.path("ingress").forEach(rules::add));
        return rules;
    }

    private static List<Path> logs() throws java.io.IOException {
        List<Path> all = new ArrayList<>(List.of(agent.logFile()));
        try (Stream<Path> files = Files.list(ControlPlane.logFile(controlPlane.home(), "tunnel-manager")
                .getParent())) {
            files.forEach(all::add);
        }
        return all;
    }
}
