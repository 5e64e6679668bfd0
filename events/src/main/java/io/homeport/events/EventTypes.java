package io.homeport.events;

import io.homeport.events.agent.AgentCommandCompleted;
import io.homeport.events.agent.AgentCommandProgress;
import io.homeport.events.agent.AgentCommandRequested;
import io.homeport.events.agent.AgentConnected;
import io.homeport.events.agent.AgentDesiredState;
import io.homeport.events.agent.AgentDisconnected;
import io.homeport.events.agent.AgentHeartbeat;
import io.homeport.events.agent.AgentReported;
import io.homeport.events.deployment.DeploymentFailed;
import io.homeport.events.deployment.DeploymentRolledBack;
import io.homeport.events.deployment.DeploymentStarted;
import io.homeport.events.deployment.DeploymentSucceeded;
import io.homeport.events.host.HostAdopted;
import io.homeport.events.host.HostRegistered;
import io.homeport.events.storage.VolumeReady;
import io.homeport.events.storage.VolumeRequested;
import java.util.List;

/**
 * Every event type Homeport emits. {@code asyncapi.yaml} documents exactly these; {@code AsyncApiCatalogueTest}
 * fails when the two disagree.
 */
public final class EventTypes {

    public static final EventType<HostRegistered> HOST_REGISTERED =
            new EventType<>("io.homeport.host.registered.v1", Topics.HOSTS, HostRegistered.class);

    public static final EventType<HostAdopted> HOST_ADOPTED =
            new EventType<>("io.homeport.host.adopted.v1", Topics.HOSTS, HostAdopted.class);

    public static final EventType<AgentDesiredState> AGENT_DESIRED_STATE =
            new EventType<>("io.homeport.agent.desired-state.v1", Topics.AGENT_DESIRED_STATE, AgentDesiredState.class);
    public static final EventType<AgentConnected> AGENT_CONNECTED =
            new EventType<>("io.homeport.agent.connected.v1", Topics.AGENT_REPORTS, AgentConnected.class);
    public static final EventType<AgentDisconnected> AGENT_DISCONNECTED =
            new EventType<>("io.homeport.agent.disconnected.v1", Topics.AGENT_REPORTS, AgentDisconnected.class);
    public static final EventType<AgentHeartbeat> AGENT_HEARTBEAT =
            new EventType<>("io.homeport.agent.heartbeat.v1", Topics.AGENT_REPORTS, AgentHeartbeat.class);
    public static final EventType<AgentReported> AGENT_REPORTED =
            new EventType<>("io.homeport.agent.reported.v1", Topics.AGENT_REPORTS, AgentReported.class);
    public static final EventType<AgentCommandRequested> AGENT_COMMAND_REQUESTED =
            new EventType<>("io.homeport.agent.command.requested.v1", Topics.AGENT_COMMANDS,
                    AgentCommandRequested.class);
    public static final EventType<AgentCommandProgress> AGENT_COMMAND_PROGRESS =
            new EventType<>("io.homeport.agent.command.progress.v1", Topics.AGENT_REPORTS, AgentCommandProgress.class);
    public static final EventType<AgentCommandCompleted> AGENT_COMMAND_COMPLETED =
            new EventType<>("io.homeport.agent.command.completed.v1", Topics.AGENT_REPORTS,
                    AgentCommandCompleted.class);

    public static final EventType<DeploymentStarted> DEPLOYMENT_STARTED =
            new EventType<>("io.homeport.deployment.started.v1", Topics.DEPLOYMENTS, DeploymentStarted.class);
    public static final EventType<DeploymentSucceeded> DEPLOYMENT_SUCCEEDED =
            new EventType<>("io.homeport.deployment.succeeded.v1", Topics.DEPLOYMENTS, DeploymentSucceeded.class);
    public static final EventType<DeploymentFailed> DEPLOYMENT_FAILED =
            new EventType<>("io.homeport.deployment.failed.v1", Topics.DEPLOYMENTS, DeploymentFailed.class);
    public static final EventType<DeploymentRolledBack> DEPLOYMENT_ROLLED_BACK =
            new EventType<>("io.homeport.deployment.rolled-back.v1", Topics.DEPLOYMENTS, DeploymentRolledBack.class);

    public static final EventType<VolumeRequested> VOLUME_REQUESTED =
            new EventType<>("io.homeport.volume.requested.v1", Topics.STORAGE, VolumeRequested.class);
    public static final EventType<VolumeReady> VOLUME_READY =
            new EventType<>("io.homeport.volume.ready.v1", Topics.STORAGE, VolumeReady.class);

    public static final List<EventType<?>> ALL = List.of(HOST_REGISTERED, HOST_ADOPTED, AGENT_DESIRED_STATE,
            AGENT_CONNECTED, AGENT_DISCONNECTED, AGENT_HEARTBEAT, AGENT_REPORTED, AGENT_COMMAND_REQUESTED,
            AGENT_COMMAND_PROGRESS, AGENT_COMMAND_COMPLETED, DEPLOYMENT_STARTED, DEPLOYMENT_SUCCEEDED,
            DEPLOYMENT_FAILED, DEPLOYMENT_ROLLED_BACK, VOLUME_REQUESTED, VOLUME_READY);

    private EventTypes() {
    }
}
