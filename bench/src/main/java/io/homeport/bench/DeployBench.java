package io.homeport.bench;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.homeport.agent.docker.DockerClients;
import io.homeport.launcher.ControlPlane;
import io.homeport.launcher.Service;
import io.homeport.launcher.process.ManagedProcess;
import io.homeport.testkit.AgentProcess;
import io.homeport.testkit.DockerEngine;
import io.homeport.testkit.LocalImages;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * From the API call to the container running: {@code POST /api/v1/apps} through the gateway (deployer, outbox,
 * Kafka, agent hub, a real agent, dockerd) against a plain create-and-start of the same image on the same dockerd,
 * alternating, N times each (default 20). Prints p50/p95 of both and the overhead. Target (issue 4): overhead at
 * p50 ≤ 300 ms.
 */
public final class DeployBench {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final List<String> COMMAND = List.of("sleep", "3600");

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        DockerClient docker = DockerEngine.require(DockerClients.connect(DockerClients.DEFAULT_HOST));
        LocalImages.busybox(docker);
        Path home = Files.createTempDirectory("homeport-bench-deploy");
        String prefix = "b" + UUID.randomUUID().toString().substring(0, 5);
        List<String> containers = new ArrayList<>();
        try (ControlPlane controlPlane = new ControlPlane(home.resolve("cp"), Path.of("."), ControlPlane.Ports.free())) {
            System.out.println("Starting the control plane and an agent ...");
            controlPlane.startAll();
            String gateway = controlPlane.url(Service.API_GATEWAY);
            String admin = controlPlane.auth().token("bench", List.of("admin"), Duration.ofHours(1));
            String key = given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("kind", "REUSABLE")).post(gateway + "/api/v1/enrollment-keys")
                    .then().statusCode(201).extract().path("key");
            Path state = home.resolve("agent");
            ManagedProcess agent = AgentProcess.start(Path.of("."), state,
                    Map.of("HOMEPORT_GATEWAY_URL", gateway, "HOMEPORT_ENROLLMENT_KEY", key));
            try {
                Path credential = state.resolve("credential.json");
                Waiting.until(() -> Files.exists(credential), WAIT);
                UUID hostId = UUID.fromString(new ObjectMapper().readTree(credential.toFile()).path("hostId").asText());
                deploy(docker, gateway, admin, hostId, prefix + "-warm", containers); // placement sees the host; warm-up
                List<Double> viaHomeport = new ArrayList<>();
                List<Double> plain = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    plain.add(dockerRun(docker, prefix + "-plain-" + i, containers));
                    viaHomeport.add(deploy(docker, gateway, admin, hostId, prefix + "-" + i, containers));
                }
                Percentiles homeport = new Percentiles(viaHomeport);
                Percentiles baseline = new Percentiles(plain);
                System.out.println();
                System.out.println("API call → container running, " + runs + " runs each, alternating");
                System.out.printf("%-34s %9s %9s%n", "", "p50 ms", "p95 ms");
                System.out.printf("%-34s %9.1f %9.1f%n", "docker create + start (baseline)", baseline.at(50),
                        baseline.at(95));
                System.out.printf("%-34s %9.1f %9.1f%n", "POST /api/v1/apps via Homeport", homeport.at(50),
                        homeport.at(95));
                double overhead = homeport.at(50) - baseline.at(50);
                System.out.printf("overhead at p50: %.1f ms (ratio %.2f); target <= 300 ms: %s%n", overhead,
                        homeport.at(50) / baseline.at(50), overhead <= 300 ? "met" : "NOT met");
            } finally {
                agent.stop(Duration.ofSeconds(10));
            }
        } finally {
            for (String container : containers) {
                try {
                    docker.removeContainerCmd(container).withForce(true).exec();
                } catch (NotFoundException gone) {
                    // removed already
                }
            }
        }
    }

    /** Milliseconds from the API call to the app's container running. */
    private static double deploy(DockerClient docker, String gateway, String token, UUID hostId, String app,
            List<String> containers) throws Exception {
        String spec = "name: " + app + "\nimage: " + LocalImages.BUSYBOX + "\ncommand: [sleep, \"3600\"]\n"
                + "placement: {hostId: " + hostId + "}\n";
        String container = "hp-" + app + "-0";
        containers.add(container);
        long started = System.nanoTime();
        Response response = given().auth().oauth2(token).contentType("application/yaml")
                .body(spec.getBytes(StandardCharsets.UTF_8)).post(gateway + "/api/v1/apps");
        while (response.statusCode() == 422 && System.nanoTime() - started < WAIT.toNanos()) {
            Thread.sleep(200); // the host's connection has not reached the deployer yet (warm-up only)
            started = System.nanoTime();
            response = given().auth().oauth2(token).contentType("application/yaml")
                    .body(spec.getBytes(StandardCharsets.UTF_8)).post(gateway + "/api/v1/apps");
        }
        if (response.statusCode() != 202) {
            throw new IllegalStateException("deploy answered " + response.statusCode() + ": " + response.asString());
        }
        waitUntilRunning(docker, container, started);
        return (System.nanoTime() - started) / 1e6;
    }

    /** Milliseconds from create to running, the way {@code docker run -d} does it. */
    private static double dockerRun(DockerClient docker, String name, List<String> containers) throws Exception {
        containers.add(name);
        long started = System.nanoTime();
        docker.createContainerCmd(LocalImages.BUSYBOX).withName(name).withCmd(COMMAND).exec();
        docker.startContainerCmd(name).exec();
        waitUntilRunning(docker, name, started);
        return (System.nanoTime() - started) / 1e6;
    }

    private static void waitUntilRunning(DockerClient docker, String container, long started) throws Exception {
        while (System.nanoTime() - started < WAIT.toNanos()) {
            try {
                if (Boolean.TRUE.equals(docker.inspectContainerCmd(container).exec().getState().getRunning())) {
                    return;
                }
            } catch (NotFoundException notYet) {
                // not created yet
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException(container + " did not run within " + WAIT.toSeconds() + " s");
    }

    private DeployBench() {
    }
}
