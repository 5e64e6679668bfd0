package io.homeport.bench;

import static io.restassured.RestAssured.given;

import io.homeport.agent.protocol.ContainerSpec;
import io.homeport.agent.protocol.Frame;
import io.homeport.agent.protocol.Frames;
import io.homeport.agent.protocol.PullPolicy;
import io.homeport.events.EventCodec;
import io.homeport.events.EventTypes;
import io.homeport.events.Topics;
import io.homeport.events.agent.AgentDesiredState;
import io.homeport.launcher.ControlPlane;
import io.homeport.launcher.Service;
import io.homeport.testkit.AgentLink;
import io.homeport.testkit.EventWriter;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Many agents connected to one gateway: how long from publishing a host's new desired state on Kafka until its
 * agent holds the frame. Runs 1 agent (the baseline) and then N (default 500) against the same control plane
 * and prints p50/p99 side by side. Target (issue 3): p99 ≤ 500 ms with 500 agents.
 */
public final class AgentHubBench {

    private static final Duration WAIT = Duration.ofSeconds(60);

    record Agent(UUID hostId, AgentLink link) {
    }

    public static void main(String[] args) throws Exception {
        int agents = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        Path home = Files.createTempDirectory("homeport-bench-hub");
        try (ControlPlane controlPlane = new ControlPlane(home, Path.of("."), ControlPlane.Ports.free())) {
            System.out.println("Starting the control plane ...");
            controlPlane.startAll();
            String gateway = controlPlane.url(Service.API_GATEWAY);
            String admin = controlPlane.auth().token("bench", List.of("admin"), Duration.ofHours(2));
            String key = given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("kind", "REUSABLE", "maxUses", agents + 2))
                    .post(gateway + "/api/v1/enrollment-keys").then().statusCode(201).extract().path("key");
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try (EventWriter writer = new EventWriter(controlPlane.kafkaBootstrapServers())) {
                round(writer, gateway, key, 1, pool); // warm-up: topic creation, consumer assignment, JIT
                Percentiles baseline = round(writer, gateway, key, 1, pool);
                Percentiles loaded = round(writer, gateway, key, agents, pool);
                System.out.println();
                System.out.println("desired-state change → agent receipt (publish on Kafka to frame at the agent)");
                System.out.printf("%8s %10s %10s %10s%n", "agents", "p50 ms", "p99 ms", "max ms");
                print(1, baseline);
                print(agents, loaded);
                System.out.printf("p99 with %d agents / p99 with 1 agent = %.1f; target p99 <= 500 ms: %s%n",
                        agents, loaded.at(99) / baseline.at(99), loaded.at(99) <= 500 ? "met" : "NOT met");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static Percentiles round(EventWriter writer, String gateway, String key, int count,
            ExecutorService pool) throws Exception {
        System.out.printf("Enrolling and connecting %d agent(s) ...%n", count);
        URI hub = URI.create(gateway.replaceFirst("^http", "ws") + "/api/v1/agents/connect");
        List<Future<Agent>> connecting = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            connecting.add(pool.submit(() -> {
                var enrolled = given().contentType(ContentType.JSON)
                        .body(Map.of("enrollmentKey", key, "hostname", "bench-" + n + ".lan"))
                        .post(gateway + "/api/v1/agents/enroll").then().statusCode(201).extract();
                UUID hostId = UUID.fromString(enrolled.path("hostId"));
                AgentLink link = AgentLink.connect(hub, enrolled.path("credential"));
                link.send(new Frame.Hello(Frames.PROTOCOL_VERSION, "bench", hostId, null, null));
                return new Agent(hostId, link);
            }));
        }
        List<Agent> connected = new ArrayList<>();
        for (Future<Agent> agent : connecting) {
            connected.add(agent.get());
        }
        Thread.sleep(2_000); // let connections settle before timing
        long[] published = new long[connected.size()];
        for (int i = 0; i < connected.size(); i++) {
            UUID hostId = connected.get(i).hostId();
            ContainerSpec spec = new ContainerSpec("app", 0, 1, "local/busybox:1", List.of("sleep", "60"), null,
                    null, null, null, PullPolicy.NEVER);
            var event = EventCodec.create(EventTypes.AGENT_DESIRED_STATE, URI.create("/homeport/bench"),
                    hostId.toString(), new AgentDesiredState(hostId, 1, List.of(spec)), Clock.systemUTC());
            published[i] = System.nanoTime();
            writer.publish(Topics.AGENT_DESIRED_STATE, event);
        }
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < connected.size(); i++) {
            AgentLink.Received received = connected.get(i).link().nextReceived(WAIT);
            if (received != null && received.frame() instanceof Frame.Desired) {
                latencies.add((received.nanoTime() - published[i]) / 1e6);
            }
        }
        connected.forEach(agent -> agent.link().close());
        if (latencies.size() != connected.size()) {
            System.out.printf("WARNING: %d of %d agents received no desired state within %d s%n",
                    connected.size() - latencies.size(), connected.size(), WAIT.toSeconds());
        }
        return new Percentiles(latencies);
    }

    private static void print(int agents, Percentiles p) {
        System.out.printf("%8d %10.1f %10.1f %10.1f%n", agents, p.at(50), p.at(99), p.at(100));
    }

    private AgentHubBench() {
    }
}
