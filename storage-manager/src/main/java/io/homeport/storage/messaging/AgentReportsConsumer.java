package io.homeport.storage.messaging;

import io.cloudevents.CloudEvent;
import io.homeport.events.EventCodec;
import io.homeport.events.EventTypes;
import io.homeport.events.agent.AgentCommandCompleted;
import io.homeport.events.agent.AgentConnected;
import io.homeport.events.agent.AgentReported;
import io.homeport.platform.inbox.IdempotentConsumer;
import io.homeport.storage.agent.AgentCommands;
import io.homeport.storage.agent.AgentKeys;
import io.homeport.storage.backup.BackupOutcomes;
import io.homeport.storage.config.StorageConfig;
import io.homeport.storage.mount.MountHealthReports;
import io.homeport.storage.remote.RcloneConfigDelivery;
import io.homeport.storage.volume.Volumes;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What agents say, relayed by the hub: a connecting agent's sealing key (it gets the rclone config), full reports
 * (mount health, volume syncs) and the answers to the storage-manager's commands. Most of this busy topic is for
 * others or changes nothing, so an event is claimed in the inbox (and a row written) only once a read shows it
 * has something to do here; what it does is then applied once, whatever Kafka redelivers.
 */
@ApplicationScoped
public class AgentReportsConsumer {

    private final IdempotentConsumer idempotent;
    private final String consumerName;
    private final AgentKeys keys;
    private final RcloneConfigDelivery rcloneConfig;
    private final MountHealthReports mounts;
    private final Volumes volumes;
    private final AgentCommands commands;
    private final BackupOutcomes outcomes;

    AgentReportsConsumer(IdempotentConsumer idempotent, StorageConfig config, AgentKeys keys,
            RcloneConfigDelivery rcloneConfig, MountHealthReports mounts, Volumes volumes, AgentCommands commands,
            BackupOutcomes outcomes) {
        this.idempotent = idempotent;
        this.consumerName = config.consumerName();
        this.keys = keys;
        this.rcloneConfig = rcloneConfig;
        this.mounts = mounts;
        this.volumes = volumes;
        this.commands = commands;
        this.outcomes = outcomes;
    }

    @Incoming("agent-reports")
    @Blocking
    public void onReport(CloudEvent event) {
        if (event == null) {
            return;
        }
        String type = event.getType();
        if (EventTypes.AGENT_CONNECTED.type().equals(type)) {
            AgentConnected connected = EventCodec.payload(event, EventTypes.AGENT_CONNECTED);
            idempotent.handle(consumerName, event, e -> keys.connected(connected).ifPresent(rcloneConfig::toHost));
        } else if (EventTypes.AGENT_REPORTED.type().equals(type)) {
            AgentReported report = EventCodec.payload(event, EventTypes.AGENT_REPORTED);
            if (report.full() && (mounts.changes(report.hostId(), report.mounts(), report.at())
                    || volumes.syncChanged(report.hostId(), report.volumes()))) {
                idempotent.handle(consumerName, event, e -> {
                    mounts.apply(report.hostId(), report.mounts(), report.at());
                    volumes.synced(report.hostId(), report.volumes());
                });
            }
        } else if (EventTypes.AGENT_COMMAND_COMPLETED.type().equals(type)) {
            AgentCommandCompleted answer = EventCodec.payload(event, EventTypes.AGENT_COMMAND_COMPLETED);
            if (commands.awaiting(answer.commandId())) {
                idempotent.handle(consumerName, event, e -> outcomes.completed(answer));
            }
        }
    }
}
