package io.homeport.provisioner.liveness;

import static io.homeport.testkit.ServiceCalls.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.cloudevents.CloudEvent;
import io.homeport.agent.protocol.ContainerState;
import io.homeport.events.EventCodec;
import io.homeport.events.EventType;
import io.homeport.events.EventTypes;
import io.homeport.events.Topics;
import io.homeport.events.agent.AgentConnected;
import io.homeport.events.agent.AgentDisconnected;
import io.homeport.events.agent.AgentHeartbeat;
import io.homeport.events.agent.AgentReported;
import io.homeport.events.host.HostAdopted;
import io.homeport.events.host.HostLost;
import io.homeport.testkit.EventReader;
import io.homeport.testkit.EventWriter;
import io.homeport.testkit.InjectKafkaBroker;
import io.homeport.testkit.KafkaBroker;
import io.homeport.testkit.KafkaTestResource;
import io.homeport.testkit.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * Liveness with the test settings (application.properties): heartbeats every 1 s, a host suspect 1 s and lost 3 s
 * after the heartbeat expected next, checked every second.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class LivenessTest {

    /** Long enough for a cold start: the channels join their consumer groups while the topics are created. */
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final URI HUB = URI.create("/homeport/api-gateway");
    /** interval + lost-after: the last heartbeat is this old when the host turns lost. */
    private static final Duration LOST_AT = Duration.ofSeconds(4);
    /** One check interval, plus time for a loaded test machine. */
    private static final Duration LOST_SLACK = Duration.ofSeconds(4);

    @InjectKafkaBroker
    KafkaBroker broker;

    @Inject
    LivenessService liveness;

    @Test
    void aHostIsOnlineFromItsFirstHeartbeatLostWhenTheyStopAndReadyAgainWhenTheyResume() throws Exception {
        UUID hostId = UUID.randomUUID();
        try (EventWriter writer = new EventWriter(broker.bootstrapServers());
                EventReader hostEvents = new EventReader(broker.bootstrapServers(), Topics.HOSTS)) {
            writer.publish(Topics.HOSTS, event(EventTypes.HOST_ADOPTED, hostId, new HostAdopted(hostId, "edge-1.lan",
                    Map.of(), UUID.randomUUID(), Instant.now())));
            await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/hosts/" + hostId)
                    .then().statusCode(200).body("state", equalTo("READY")));
            assertThat(liveness.of(hostId)).as("never heard from: unknown").isEmpty();

            // heartbeats: online at once, and only once, even through a reconnection to another hub replica
            Heartbeats heartbeats = new Heartbeats(writer, hostId);
            await().atMost(WAIT).until(() -> status(hostId) == LivenessStatus.ONLINE);
            writer.publish(Topics.AGENT_REPORTS, event(EventTypes.AGENT_DISCONNECTED, hostId,
                    new AgentDisconnected(hostId, "hub shutting down", Instant.now())));
            writer.publish(Topics.AGENT_REPORTS, event(EventTypes.AGENT_CONNECTED, hostId,
                    new AgentConnected(hostId, "hub-2", null, null, Instant.now())));
            Thread.sleep(LOST_AT.plus(LOST_SLACK).toMillis());
            assertThat(typesFor(hostId, hostEvents.readFor(Duration.ofSeconds(1))))
                    .containsExactly(EventTypes.HOST_ONLINE.type());
            assertThat(status(hostId)).isEqualTo(LivenessStatus.ONLINE);

            // silence: suspect, then lost once; the host's lifecycle follows
            Instant last = heartbeats.stop();
            await().atMost(WAIT).until(() -> status(hostId) == LivenessStatus.LOST);
            HostLiveness lost = liveness.of(hostId).orElseThrow();
            assertThat(lost.lastHeartbeatAt()).isEqualTo(last);
            // decided by the service's clock: not before the lost grace, and at the latest one check later
            assertThat(Duration.between(last, lost.since())).isGreaterThan(LOST_AT).isLessThan(LOST_AT.plus(LOST_SLACK));
            given().get("/api/v1/hosts/" + hostId).then().statusCode(200).body("state", equalTo("LOST"));
            hostEvents.readUntil(e -> isFor(hostId, e, EventTypes.HOST_LOST), WAIT);
            List<CloudEvent> events = eventsFor(hostId, hostEvents.readFor(Duration.ofSeconds(3)));
            assertThat(events).extracting(CloudEvent::getType).containsExactly(EventTypes.HOST_ONLINE.type(),
                    EventTypes.HOST_SUSPECT.type(), EventTypes.HOST_LOST.type());
            HostLost payload = EventCodec.payload(events.get(2), EventTypes.HOST_LOST);
            assertThat(payload.hostId()).isEqualTo(hostId);
            assertThat(payload.lastHeartbeatAt()).isEqualTo(last);
            assertThat(events.get(2).getSource().toString()).isEqualTo("/homeport/provisioner");

            // back: online and READY again at its first heartbeat, without waiting for a check
            heartbeats = new Heartbeats(writer, hostId);
            await().atMost(Duration.ofSeconds(10)).until(() -> status(hostId) == LivenessStatus.ONLINE);
            given().get("/api/v1/hosts/" + hostId).then().statusCode(200).body("state", equalTo("READY"));
            hostEvents.readUntil(e -> isFor(hostId, e, EventTypes.HOST_ONLINE)
                    && EventCodec.payload(e, EventTypes.HOST_ONLINE).at().isAfter(lost.since()), WAIT);
            assertThat(typesFor(hostId, hostEvents.readFor(Duration.ofSeconds(2)))).containsExactly(
                    EventTypes.HOST_ONLINE.type(), EventTypes.HOST_SUSPECT.type(), EventTypes.HOST_LOST.type(),
                    EventTypes.HOST_ONLINE.type());
            heartbeats.stop();
        }
    }

    @Test
    void duplicateAndOutOfOrderHeartbeatsNeverMoveTheLastHeartbeatBackwards() {
        UUID hostId = UUID.randomUUID(); // not in the inventory: tracked all the same
        UUID reportingOnly = UUID.randomUUID();
        Instant latest = Instant.now().truncatedTo(ChronoUnit.MICROS);
        CloudEvent newest = heartbeat(hostId, latest);
        try (EventWriter writer = new EventWriter(broker.bootstrapServers())) {
            writer.publish(Topics.AGENT_REPORTS, heartbeat(hostId, latest.minusMillis(300)));
            writer.publish(Topics.AGENT_REPORTS, newest);
            writer.publish(Topics.AGENT_REPORTS, heartbeat(hostId, latest.minusMillis(200)));
            writer.publish(Topics.AGENT_REPORTS, newest); // redelivered
            await().atMost(WAIT).until(() -> liveness.of(hostId).map(HostLiveness::lastHeartbeatAt)
                    .filter(latest::equals).isPresent());

            // older heartbeats (a lagging hub, a redelivery), a connection from before, and records that are none
            IntStream.rangeClosed(1, 20).forEach(i -> writer.publish(Topics.AGENT_REPORTS,
                    heartbeat(hostId, latest.minusMillis(10L * i))));
            writer.publish(Topics.AGENT_REPORTS, newest);
            writer.publish(Topics.AGENT_REPORTS, event(EventTypes.AGENT_CONNECTED, hostId,
                    new AgentConnected(hostId, "hub-1", null, null, latest.minusSeconds(1))));
            writer.publish(Topics.AGENT_REPORTS, event(EventTypes.AGENT_REPORTED, reportingOnly,
                    new AgentReported(reportingOnly, true, containers(500), Instant.now())));
            writer.publish(Topics.AGENT_REPORTS, event(EventTypes.AGENT_DISCONNECTED, reportingOnly,
                    new AgentDisconnected(reportingOnly, null, Instant.now())));
            writer.publishRaw(Topics.AGENT_REPORTS, hostId.toString(), "not an event");
        }
        awaitEverythingConsumed();

        assertThat(liveness.of(hostId)).map(HostLiveness::lastHeartbeatAt).contains(latest);
        assertThat(liveness.of(reportingOnly)).as("reports and disconnections are no heartbeats").isEmpty();
        assertThat(liveness.of(List.of(hostId, reportingOnly, UUID.randomUUID()))).containsOnlyKeys(hostId);
    }

    /** Waits until the liveness consumer group has committed every record on the agent reports topic. */
    private void awaitEverythingConsumed() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets("provisioner-liveness").partitionsToOffsetAndMetadata().get();
                List<TopicPartition> partitions = admin.describeTopics(List.of(Topics.AGENT_REPORTS.name()))
                        .allTopicNames().get().get(Topics.AGENT_REPORTS.name()).partitions().stream()
                        .map(p -> new TopicPartition(Topics.AGENT_REPORTS.name(), p.partition())).toList();
                var ends = admin.listOffsets(partitions.stream().collect(java.util.stream.Collectors.toMap(
                        p -> p, p -> OffsetSpec.latest()))).all().get();
                return partitions.stream().allMatch(p -> ends.get(p).offset() == 0
                        || Optional.ofNullable(committed.get(p)).map(OffsetAndMetadata::offset).orElse(-1L)
                                >= ends.get(p).offset());
            });
        }
    }

    private LivenessStatus status(UUID hostId) {
        return liveness.of(hostId).map(HostLiveness::status).orElse(LivenessStatus.UNKNOWN);
    }

    private static boolean isFor(UUID hostId, CloudEvent event, EventType<?> type) {
        return hostId.toString().equals(event.getSubject()) && type.type().equals(event.getType());
    }

    /** The liveness events of one host, in order (registration and adoption left out). */
    private static List<CloudEvent> eventsFor(UUID hostId,
            List<org.apache.kafka.clients.consumer.ConsumerRecord<String, CloudEvent>> records) {
        List<String> liveness = List.of(EventTypes.HOST_ONLINE.type(), EventTypes.HOST_SUSPECT.type(),
                EventTypes.HOST_LOST.type());
        return records.stream().filter(r -> hostId.toString().equals(r.key())).map(r -> r.value())
                .filter(e -> liveness.contains(e.getType())).toList();
    }

    private static List<String> typesFor(UUID hostId,
            List<org.apache.kafka.clients.consumer.ConsumerRecord<String, CloudEvent>> records) {
        return eventsFor(hostId, records).stream().map(CloudEvent::getType).toList();
    }

    private static CloudEvent heartbeat(UUID hostId, Instant at) {
        return event(EventTypes.AGENT_HEARTBEAT, hostId, new AgentHeartbeat(hostId, at));
    }

    private static <T> CloudEvent event(EventType<T> type, UUID hostId, T payload) {
        return EventCodec.create(type, HUB, hostId.toString(), payload, Clock.systemUTC());
    }

    private static List<ContainerState> containers(int count) {
        return IntStream.range(0, count).mapToObj(i -> new ContainerState("c" + i, "hp-app-" + i, "nginx:1.27",
                "running", "healthy", true, "app", 1L, "sha256:" + "0".repeat(64), Instant.now(), Map.of())).toList();
    }

    /** An agent heartbeating every second, as the hub relays it. */
    private static final class Heartbeats {

        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        private volatile Instant last;

        Heartbeats(EventWriter writer, UUID hostId) {
            timer.scheduleAtFixedRate(() -> {
                Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
                writer.publish(Topics.AGENT_REPORTS, heartbeat(hostId, at));
                last = at;
            }, 0, 1, TimeUnit.SECONDS);
        }

        /** @return the last heartbeat sent */
        Instant stop() throws InterruptedException {
            timer.shutdown();
            assertThat(timer.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            return last;
        }
    }
}
