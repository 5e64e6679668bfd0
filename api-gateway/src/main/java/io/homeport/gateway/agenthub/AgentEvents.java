package io.homeport.gateway.agenthub;

import io.homeport.agent.protocol.Frame;
import io.homeport.agent.protocol.HostFacts;
import io.homeport.events.EventTypes;
import io.homeport.events.agent.AgentCommandCompleted;
import io.homeport.events.agent.AgentCommandProgress;
import io.homeport.events.agent.AgentConnected;
import io.homeport.events.agent.AgentDisconnected;
import io.homeport.events.agent.AgentHeartbeat;
import io.homeport.events.agent.AgentReported;
import io.homeport.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** What the hub relays onto {@code homeport.agent.reports}, through the outbox like every other event. */
@ApplicationScoped
public class AgentEvents {

    private final Outbox outbox;
    private final String hubInstance;

    AgentEvents(Outbox outbox, @ConfigProperty(name = "quarkus.uuid") String hubInstance) {
        this.outbox = outbox;
        this.hubInstance = hubInstance;
    }

    @Transactional
    public void connected(UUID hostId, HostFacts facts, String sealingKey) {
        outbox.emit(EventTypes.AGENT_CONNECTED, hostId.toString(),
                new AgentConnected(hostId, hubInstance, facts, sealingKey, Instant.now()));
    }

    @Transactional
    public void disconnected(UUID hostId, String reason) {
        outbox.emit(EventTypes.AGENT_DISCONNECTED, hostId.toString(),
                new AgentDisconnected(hostId, reason, Instant.now()));
    }

    @Transactional
    public void heartbeat(UUID hostId, Frame.Heartbeat heartbeat) {
        outbox.emit(EventTypes.AGENT_HEARTBEAT, hostId.toString(), new AgentHeartbeat(hostId, Instant.now()));
    }

    @Transactional
    public void commandProgress(UUID hostId, Frame.Progress progress) {
        outbox.emit(EventTypes.AGENT_COMMAND_PROGRESS, hostId.toString(), new AgentCommandProgress(
                progress.commandId(), hostId, progress.percent(), progress.bytes(), progress.totalBytes(),
                progress.message(), Instant.now()));
    }

    /** @param output what the event may carry (for logs: not the lines themselves) */
    @Transactional
    public void commandCompleted(UUID hostId, String kind, Frame.Result result, String output) {
        outbox.emit(EventTypes.AGENT_COMMAND_COMPLETED, hostId.toString(), new AgentCommandCompleted(
                result.commandId(), hostId, kind, result.succeeded(), result.failure(), output, Instant.now()));
    }

    /**
     * The whole report, mount health, volume states and disk usage too: the storage-manager acts on the first two,
     * the alert rules on the containers' restart counts and the disks.
     */
    @Transactional
    public void reported(UUID hostId, Frame.Report report) {
        outbox.emit(EventTypes.AGENT_REPORTED, hostId.toString(), new AgentReported(hostId, report.full(),
                report.containers(), report.at(), report.mounts(), report.volumes(), report.disks()));
    }
}
