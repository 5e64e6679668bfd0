package io.homeport.deployer;

import static io.homeport.testkit.ServiceCalls.given;
import static org.awaitility.Awaitility.await;

import io.homeport.agent.protocol.ContainerState;
import io.homeport.agent.protocol.VolumeState;
import io.homeport.agent.protocol.HostFacts;
import io.homeport.events.EventCodec;
import io.homeport.events.EventType;
import io.homeport.events.EventTypes;
import io.homeport.events.Topic;
import io.homeport.events.Topics;
import io.homeport.events.agent.AgentConnected;
import io.homeport.events.agent.AgentDisconnected;
import io.homeport.events.agent.AgentReported;
import io.homeport.events.host.HostRegistered;
import io.homeport.testkit.EventReader;
import io.homeport.testkit.EventWriter;
import io.homeport.testkit.KafkaBroker;
import io.restassured.response.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Stands in for the gateway's agent hub in the deployer's tests: publishes hosts, agents' connections and container
 * reports on Kafka as the provisioner and the hub do, and reads back what the deployer publishes.
 */
public final class FakeHub {

    public static final Duration WAIT = Duration.ofSeconds(30);

    private final Supplier<KafkaBroker> broker;

    /** @param broker the test's broker, asked for at each use (a test's fields are injected after it is made) */
    public FakeHub(Supplier<KafkaBroker> broker) {
        this.broker = broker;
    }

    /** A host whose agent just connected, with no labels. */
    public UUID onlineHost(String name, int cpus, long memoryMb) {
        UUID hostId = UUID.randomUUID();
        connect(hostId, name, cpus, memoryMb);
        return hostId;
    }

    /** A host in the inventory with {@code labels} (for placement constraints) whose agent just connected. */
    public UUID labelledHost(String name, Map<String, String> labels, int cpus, long memoryMb) {
        UUID hostId = UUID.randomUUID();
        publish(Topics.HOSTS, EventTypes.HOST_REGISTERED, hostId, new HostRegistered(hostId, name, "192.0.2.1", 22,
                labels, Instant.now()));
        connect(hostId, name, cpus, memoryMb);
        return hostId;
    }

    private void connect(UUID hostId, String name, int cpus, long memoryMb) {
        connect(hostId, name, cpus, memoryMb, null);
    }

    /**
     * The agent of {@code hostId} (new, or one connecting again) says hello offering {@code sealingKey}, the public
     * JWK secrets for the host are sealed to (null: none, as an agent from before secrets).
     */
    public UUID connect(UUID hostId, String name, int cpus, long memoryMb, String sealingKey) {
        HostFacts facts = new HostFacts(name, "debian", "12", "Debian 12", "6.1", cpus, memoryMb * 1024 * 1024,
                List.of(), "20.10", Optional.empty());
        publish(Topics.AGENT_REPORTS, EventTypes.AGENT_CONNECTED, hostId,
                new AgentConnected(hostId, "hub-1", facts, sealingKey, Instant.now()));
        return hostId;
    }

    /** The agent of {@code hostId} lost its connection. */
    public void disconnect(UUID hostId) {
        publish(Topics.AGENT_REPORTS, EventTypes.AGENT_DISCONNECTED, hostId,
                new AgentDisconnected(hostId, "connection lost", Instant.now()));
    }

    /** A snapshot of the host holding one replica's container, as its agent reports it. */
    public void report(UUID hostId, String app, int replica, long revision, String state, String health) {
        publish(Topics.AGENT_REPORTS, EventTypes.AGENT_REPORTED, hostId, new AgentReported(hostId, true,
                List.of(new ContainerState("id-" + app + replica, "hp-" + app + "-" + replica, "img", state, health,
                        true, app, revision, "hash", null, Map.of())), Instant.now()));
    }

    /** A full report of a host running nothing, with what its agent says of its volumes. */
    public void reportVolumes(UUID hostId, List<VolumeState> volumes) {
        publish(Topics.AGENT_REPORTS, EventTypes.AGENT_REPORTED, hostId, new AgentReported(hostId, true, List.of(),
                Instant.now(), List.of(), volumes));
    }

    public <T> void publish(Topic topic, EventType<T> type, UUID key, T payload) {
        publish(topic, type, key.toString(), payload);
    }

    /** Publishes as the service that owns the event's topic family would (key = subject). */
    public <T> void publish(Topic topic, EventType<T> type, String key, T payload) {
        try (EventWriter writer = new EventWriter(broker.get().bootstrapServers())) {
            writer.publish(topic, EventCodec.create(type, URI.create("/homeport/api-gateway"), key, payload,
                    Clock.systemUTC()));
        }
    }

    /** The latest event of {@code type} the reader has seen that is {@code wanted}, reading until one arrives. */
    public static <T> T next(EventReader reader, EventType<T> type, Predicate<T> wanted) {
        return reader.readUntil(e -> e.getType().equals(type.type()) && wanted.test(EventCodec.payload(e, type)), WAIT)
                .stream().map(r -> r.value()).filter(e -> e.getType().equals(type.type()))
                .map(e -> EventCodec.payload(e, type)).filter(wanted).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + type.type()));
    }

    /**
     * Sends a deploy once the hosts' events have arrived (until then nothing fits: 422) and expects {@code status}.
     *
     * @return the answer's body
     */
    public static String deploy(String method, String path, String yaml, int status) {
        Response[] last = new Response[1];
        await().atMost(WAIT).until(() -> {
            last[0] = given().contentType("application/yaml").body(yaml.getBytes(StandardCharsets.UTF_8))
                    .request(method, path);
            return last[0].statusCode() != 422;
        });
        return last[0].then().statusCode(status).extract().asString();
    }
}
