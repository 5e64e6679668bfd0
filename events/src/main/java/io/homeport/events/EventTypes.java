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
import io.homeport.events.failover.AppFailoverStarted;
import io.homeport.events.failover.AppFailoverStranded;
import io.homeport.events.failover.AppMoved;
import io.homeport.events.failover.HostEvacuationCompleted;
import io.homeport.events.failover.HostEvacuationStarted;
import io.homeport.events.host.HostAdopted;
import io.homeport.events.host.HostDecommissioned;
import io.homeport.events.host.HostProvisioningFailed;
import io.homeport.events.host.HostProvisioned;
import io.homeport.events.host.HostProvisioningStep;
import io.homeport.events.host.HostProvisioningStarted;
import io.homeport.events.host.HostEnrollmentKeyIssued;
import io.homeport.events.host.HostLost;
import io.homeport.events.host.HostOnline;
import io.homeport.events.host.HostRegistered;
import io.homeport.events.host.HostReplaced;
import io.homeport.events.host.HostReplacementProgressed;
import io.homeport.events.host.HostSuspect;
import io.homeport.events.tunnel.ExposureRejected;
import io.homeport.events.tunnel.RouteConflict;
import io.homeport.events.tunnel.RouteExposed;
import io.homeport.events.tunnel.RouteRemovalScheduled;
import io.homeport.events.tunnel.RouteRemoved;
import io.homeport.events.tunnel.TunnelCreated;
import io.homeport.events.tunnel.TunnelReconcileFailed;
import io.homeport.events.storage.BackupCompleted;
import io.homeport.events.storage.BackupDeleted;
import io.homeport.events.storage.BackupFailed;
import io.homeport.events.storage.BackupRestoreFailed;
import io.homeport.events.storage.BackupRestored;
import io.homeport.events.alert.AlertRaised;
import io.homeport.events.storage.MountDegraded;
import io.homeport.events.storage.MountHealthy;
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
    public static final EventType<HostEnrollmentKeyIssued> HOST_ENROLLMENT_KEY_ISSUED =
            new EventType<>("io.homeport.host.enrollment-key.issued.v1", Topics.HOSTS, HostEnrollmentKeyIssued.class);
    public static final EventType<HostProvisioningStarted> HOST_PROVISIONING_STARTED =
            new EventType<>("io.homeport.host.provisioning.started.v1", Topics.HOSTS, HostProvisioningStarted.class);
    public static final EventType<HostProvisioningStep> HOST_PROVISIONING_STEP =
            new EventType<>("io.homeport.host.provisioning.step.v1", Topics.HOSTS, HostProvisioningStep.class);
    public static final EventType<HostProvisioned> HOST_PROVISIONED =
            new EventType<>("io.homeport.host.provisioned.v1", Topics.HOSTS, HostProvisioned.class);
    public static final EventType<HostProvisioningFailed> HOST_PROVISIONING_FAILED =
            new EventType<>("io.homeport.host.provisioning.failed.v1", Topics.HOSTS, HostProvisioningFailed.class);
    public static final EventType<HostDecommissioned> HOST_DECOMMISSIONED =
            new EventType<>("io.homeport.host.decommissioned.v1", Topics.HOSTS, HostDecommissioned.class);
    public static final EventType<HostReplaced> HOST_REPLACED =
            new EventType<>("io.homeport.host.replaced.v1", Topics.HOSTS, HostReplaced.class);
    public static final EventType<HostReplacementProgressed> HOST_REPLACEMENT_PROGRESSED =
            new EventType<>("io.homeport.host.replacement.progressed.v1", Topics.HOSTS,
                    HostReplacementProgressed.class);
    public static final EventType<HostOnline> HOST_ONLINE =
            new EventType<>("io.homeport.host.online.v1", Topics.HOSTS, HostOnline.class);
    public static final EventType<HostSuspect> HOST_SUSPECT =
            new EventType<>("io.homeport.host.suspect.v1", Topics.HOSTS, HostSuspect.class);
    public static final EventType<HostLost> HOST_LOST =
            new EventType<>("io.homeport.host.lost.v1", Topics.HOSTS, HostLost.class);

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

    public static final EventType<AppFailoverStarted> APP_FAILOVER_STARTED =
            new EventType<>("io.homeport.app.failover.started.v1", Topics.DEPLOYMENTS, AppFailoverStarted.class);
    public static final EventType<AppMoved> APP_MOVED =
            new EventType<>("io.homeport.app.moved.v1", Topics.DEPLOYMENTS, AppMoved.class);
    public static final EventType<AppFailoverStranded> APP_FAILOVER_STRANDED =
            new EventType<>("io.homeport.app.failover.stranded.v1", Topics.DEPLOYMENTS, AppFailoverStranded.class);
    public static final EventType<HostEvacuationStarted> HOST_EVACUATION_STARTED =
            new EventType<>("io.homeport.host.evacuation.started.v1", Topics.DEPLOYMENTS,
                    HostEvacuationStarted.class);
    public static final EventType<HostEvacuationCompleted> HOST_EVACUATION_COMPLETED =
            new EventType<>("io.homeport.host.evacuation.completed.v1", Topics.DEPLOYMENTS,
                    HostEvacuationCompleted.class);

    public static final EventType<VolumeRequested> VOLUME_REQUESTED =
            new EventType<>("io.homeport.volume.requested.v1", Topics.STORAGE, VolumeRequested.class);
    public static final EventType<VolumeReady> VOLUME_READY =
            new EventType<>("io.homeport.volume.ready.v1", Topics.STORAGE, VolumeReady.class);
    public static final EventType<MountHealthy> STORAGE_MOUNT_HEALTHY =
            new EventType<>("io.homeport.storage.mount.healthy.v1", Topics.STORAGE, MountHealthy.class);
    public static final EventType<MountDegraded> STORAGE_MOUNT_DEGRADED =
            new EventType<>("io.homeport.storage.mount.degraded.v1", Topics.STORAGE, MountDegraded.class);
    public static final EventType<BackupCompleted> BACKUP_COMPLETED =
            new EventType<>("io.homeport.backup.completed.v1", Topics.STORAGE, BackupCompleted.class);
    public static final EventType<BackupFailed> BACKUP_FAILED =
            new EventType<>("io.homeport.backup.failed.v1", Topics.STORAGE, BackupFailed.class);
    public static final EventType<BackupRestored> BACKUP_RESTORED =
            new EventType<>("io.homeport.backup.restored.v1", Topics.STORAGE, BackupRestored.class);
    public static final EventType<BackupRestoreFailed> BACKUP_RESTORE_FAILED =
            new EventType<>("io.homeport.backup.restore-failed.v1", Topics.STORAGE, BackupRestoreFailed.class);
    public static final EventType<BackupDeleted> BACKUP_DELETED =
            new EventType<>("io.homeport.backup.deleted.v1", Topics.STORAGE, BackupDeleted.class);
    public static final EventType<TunnelCreated> TUNNEL_CREATED =
            new EventType<>("io.homeport.tunnel.created.v1", Topics.TUNNELS, TunnelCreated.class);
    public static final EventType<TunnelReconcileFailed> TUNNEL_RECONCILE_FAILED =
            new EventType<>("io.homeport.tunnel.reconcile-failed.v1", Topics.TUNNELS, TunnelReconcileFailed.class);
    public static final EventType<RouteExposed> ROUTE_EXPOSED =
            new EventType<>("io.homeport.route.exposed.v1", Topics.TUNNELS, RouteExposed.class);
    public static final EventType<RouteRemovalScheduled> ROUTE_REMOVAL_SCHEDULED =
            new EventType<>("io.homeport.route.removal-scheduled.v1", Topics.TUNNELS, RouteRemovalScheduled.class);
    public static final EventType<RouteRemoved> ROUTE_REMOVED =
            new EventType<>("io.homeport.route.removed.v1", Topics.TUNNELS, RouteRemoved.class);
    public static final EventType<RouteConflict> ROUTE_CONFLICT =
            new EventType<>("io.homeport.route.conflict.v1", Topics.TUNNELS, RouteConflict.class);
    public static final EventType<ExposureRejected> EXPOSURE_REJECTED =
            new EventType<>("io.homeport.exposure.rejected.v1", Topics.TUNNELS, ExposureRejected.class);
    public static final EventType<AlertRaised> ALERT_RAISED =
            new EventType<>("io.homeport.alert.raised.v1", Topics.ALERTS, AlertRaised.class);

    public static final List<EventType<?>> ALL = List.of(HOST_REGISTERED, HOST_ADOPTED, HOST_ONLINE, HOST_SUSPECT,
            HOST_LOST, HOST_ENROLLMENT_KEY_ISSUED, HOST_PROVISIONING_STARTED, HOST_PROVISIONING_STEP, HOST_PROVISIONED,
            HOST_PROVISIONING_FAILED, HOST_DECOMMISSIONED, HOST_REPLACED, HOST_REPLACEMENT_PROGRESSED, AGENT_DESIRED_STATE,
            AGENT_CONNECTED, AGENT_DISCONNECTED, AGENT_HEARTBEAT, AGENT_REPORTED, AGENT_COMMAND_REQUESTED,
            AGENT_COMMAND_PROGRESS, AGENT_COMMAND_COMPLETED, DEPLOYMENT_STARTED, DEPLOYMENT_SUCCEEDED,
            DEPLOYMENT_FAILED, DEPLOYMENT_ROLLED_BACK, APP_FAILOVER_STARTED, APP_MOVED, APP_FAILOVER_STRANDED,
            HOST_EVACUATION_STARTED, HOST_EVACUATION_COMPLETED, VOLUME_REQUESTED, VOLUME_READY, STORAGE_MOUNT_HEALTHY,
            STORAGE_MOUNT_DEGRADED, BACKUP_COMPLETED, BACKUP_FAILED, BACKUP_RESTORED, BACKUP_RESTORE_FAILED,
            BACKUP_DELETED, TUNNEL_CREATED, TUNNEL_RECONCILE_FAILED, ROUTE_EXPOSED, ROUTE_REMOVAL_SCHEDULED,
            ROUTE_REMOVED, ROUTE_CONFLICT, EXPOSURE_REJECTED, ALERT_RAISED);

    private EventTypes() {
    }
}
