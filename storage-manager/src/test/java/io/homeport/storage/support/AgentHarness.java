package io.homeport.storage.support;

import io.cloudevents.CloudEvent;
import io.homeport.agent.protocol.Frame;
import io.homeport.events.EventCodec;
import io.homeport.events.EventTypes;
import io.homeport.events.Topics;
import io.homeport.events.agent.AgentCommandCompleted;
import io.homeport.events.agent.AgentCommandRequested;
import io.homeport.testkit.EventWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Stands where the agent hub and one host's agent stand: takes the commands for {@code hostId} from
 * {@code homeport.agent.commands}, runs each with {@code executor} (the real agent's {@code CommandRunner}, or a
 * script) and publishes its result as {@code agent.command.completed}, mapped as the gateway's {@code AgentEvents}
 * maps a {@link Frame.Result}.
 */
public final class AgentHarness implements AutoCloseable {

    private final UUID hostId;
    private final Function<Frame.Command, Frame.Result> executor;
    private final KafkaConsumer<String, byte[]> consumer;
    private final EventWriter writer;
    private final List<Frame.Command> received = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    public AgentHarness(String bootstrapServers, UUID hostId, Function<Frame.Command, Frame.Result> executor) {
        this.hostId = hostId;
        this.executor = executor;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "agent-harness-" + hostId);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.writer = new EventWriter(bootstrapServers);
        consumer.subscribe(List.of(Topics.AGENT_COMMANDS.name()));
        this.thread = new Thread(this::run, "agent-harness-" + hostId);
        thread.setDaemon(true);
        thread.start();
    }

    /** The commands run so far, in order. */
    public List<Frame.Command> received() {
        if (failure != null) {
            throw failure;
        }
        return List.copyOf(received);
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    CloudEvent event = EventCodec.read(record.value());
                    if (EventTypes.AGENT_COMMAND_REQUESTED.type().equals(event.getType())) {
                        AgentCommandRequested request = EventCodec.payload(event, EventTypes.AGENT_COMMAND_REQUESTED);
                        if (hostId.equals(request.hostId())) {
                            execute(new Frame.Command(request.commandId(), request.kind(), request.args()));
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close();
        }
    }

    private void execute(Frame.Command command) {
        received.add(command);
        Frame.Result result = executor.apply(command);
        writer.publish(Topics.AGENT_REPORTS, EventCodec.create(EventTypes.AGENT_COMMAND_COMPLETED,
                URI.create("/homeport/api-gateway"), hostId.toString(), new AgentCommandCompleted(result.commandId(),
                        hostId, command.kind(), result.succeeded(), result.failure(), result.output(), Instant.now()),
                Clock.systemUTC()));
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writer.close();
    }
}
