package io.homeport.bench;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import io.homeport.agent.docker.DockerClients;
import io.homeport.agent.docker.HostContainers;
import io.homeport.agent.protocol.ContainerSpec;
import io.homeport.agent.protocol.PullPolicy;
import io.homeport.events.EventCodec;
import io.homeport.events.EventTypes;
import io.homeport.events.Topics;
import io.homeport.events.agent.AgentDesiredState;
import io.homeport.launcher.ControlPlane;
import io.homeport.launcher.Service;
import io.homeport.launcher.process.ManagedProcess;
import io.homeport.testkit.AgentProcess;
import io.homeport.testkit.DockerEngine;
import io.homeport.testkit.EventWriter;
import io.homeport.testkit.LocalImages;
import io.restassured.http.ContentType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * What the agent costs a host at rest: resident memory and CPU (share of one core) over a quiet minute, with no
 * managed container (the baseline) and with N (default 20), measured side by side on this machine's dockerd.
 * Targets (issue 3): at most 80 MB and 1 % of a core with 20 containers.
 */
public final class AgentFootprintBench {

    private static final Duration QUIET = Duration.ofSeconds(60);
    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    record Footprint(long rssKb, double cpuPercent) {
    }

    public static void main(String[] args) throws Exception {
        int containers = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        DockerClient docker = DockerEngine.require(DockerClients.connect(DockerClients.DEFAULT_HOST));
        LocalImages.busybox(docker);
        Path home = Files.createTempDirectory("homeport-bench-agent");
        try (ControlPlane controlPlane = new ControlPlane(home.resolve("cp"), Path.of("."),
                ControlPlane.Ports.free())) {
            System.out.println("Starting the control plane ...");
            controlPlane.startAll();
            Footprint idle = measure(controlPlane, docker, home.resolve("agent-0"), 0);
            Footprint busy = measure(controlPlane, docker, home.resolve("agent-" + containers), containers);
            System.out.println();
            System.out.printf("%12s %10s %14s%n", "containers", "RSS MB", "CPU % of core");
            System.out.printf("%12d %10.1f %14.2f%n", 0, idle.rssKb() / 1024.0, idle.cpuPercent());
            System.out.printf("%12d %10.1f %14.2f%n", containers, busy.rssKb() / 1024.0, busy.cpuPercent());
            System.out.printf("RSS ratio %d/0 containers = %.2f; targets RSS <= 80 MB: %s, CPU <= 1 %%: %s%n",
                    containers, (double) busy.rssKb() / idle.rssKb(), busy.rssKb() <= 80 * 1024 ? "met" : "NOT met",
                    busy.cpuPercent() <= 1.0 ? "met" : "NOT met");
        }
    }

    private static Footprint measure(ControlPlane controlPlane, DockerClient docker, Path state, int count)
            throws Exception {
        String gateway = controlPlane.url(Service.API_GATEWAY);
        String admin = controlPlane.auth().token("bench", List.of("admin"), Duration.ofHours(1));
        String key = given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("kind", "REUSABLE"))
                .post(gateway + "/api/v1/enrollment-keys").then().statusCode(201).extract().path("key");
        ManagedProcess agent = AgentProcess.start(Path.of("."),
                System.getProperty("agent.jvm", AgentProcess.jvmOptions(Path.of("."))),
                state, Map.of("HOMEPORT_GATEWAY_URL", gateway, "HOMEPORT_ENROLLMENT_KEY", key));
        String app = "bench" + UUID.randomUUID().toString().substring(0, 6);
        try {
            Path credential = state.resolve("credential.json");
            Waiting.until(() -> Files.exists(credential), Duration.ofSeconds(60));
            UUID hostId = UUID.fromString(new ObjectMapper().readTree(credential.toFile()).path("hostId").asText());
            List<ContainerSpec> specs = IntStream.range(0, count).mapToObj(i -> new ContainerSpec(app, i, 1,
                    LocalImages.BUSYBOX, List.of("sleep", "3600"), null, null, null, null, PullPolicy.NEVER)).toList();
            try (EventWriter writer = new EventWriter(controlPlane.kafkaBootstrapServers())) {
                writer.publish(Topics.AGENT_DESIRED_STATE, EventCodec.create(EventTypes.AGENT_DESIRED_STATE,
                        URI.create("/homeport/bench"), hostId.toString(),
                        new AgentDesiredState(hostId, 1, specs), Clock.systemUTC()));
            }
            HostContainers host = new HostContainers(docker);
            Waiting.until(() -> host.all().stream().filter(c -> c.name().startsWith("hp-" + app) && c.running()).count()
                    == count, Duration.ofMinutes(3));
            Thread.sleep(10_000); // let start-up work (JIT, first snapshots) settle
            long pid = agent.pid();
            long ticksBefore = cpuTicks(pid);
            long started = System.nanoTime();
            Thread.sleep(QUIET.toMillis());
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpu = (cpuTicks(pid) - ticksBefore) / (double) TICKS_PER_SECOND / seconds * 100;
            return new Footprint(rssKb(pid), cpu);
        } finally {
            agent.stop(Duration.ofSeconds(10));
            List<String> ours = new ArrayList<>();
            new HostContainers(docker).all().stream().filter(c -> c.name().startsWith("hp-" + app))
                    .forEach(c -> ours.add(c.id()));
            ours.forEach(id -> docker.removeContainerCmd(id).withForce(true).exec());
        }
    }

    private static long rssKb(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for pid " + pid);
    }

    /** utime + stime of the process, from /proc/PID/stat (fields 14 and 15). */
    private static long cpuTicks(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private AgentFootprintBench() {
    }
}
