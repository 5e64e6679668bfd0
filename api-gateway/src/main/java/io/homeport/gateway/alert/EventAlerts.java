package io.homeport.gateway.alert;

import io.cloudevents.CloudEvent;
import io.homeport.events.EventCodec;
import io.homeport.events.EventType;
import io.homeport.events.EventTypes;
import io.homeport.events.alert.AlertRaised;
import io.homeport.events.host.HostLost;
import io.homeport.events.host.HostProvisioningFailed;
import io.homeport.events.storage.BackupFailed;
import io.homeport.events.storage.MountDegraded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The rules fired by the services' events: host lost (until it is online again), provisioning failed (until a new
 * run starts or one succeeds), mount degraded (until healthy), backup failed (until a backup of that volume
 * completes). Each event is one observation of its rule's condition.
 */
@ApplicationScoped
public class EventAlerts {

    private static final Set<String> HANDLED = Stream.of(EventTypes.HOST_LOST, EventTypes.HOST_ONLINE,
            EventTypes.HOST_PROVISIONING_FAILED, EventTypes.HOST_PROVISIONING_STARTED, EventTypes.HOST_PROVISIONED,
            EventTypes.STORAGE_MOUNT_DEGRADED, EventTypes.STORAGE_MOUNT_HEALTHY, EventTypes.BACKUP_FAILED,
            EventTypes.BACKUP_COMPLETED).map(EventType::type).collect(Collectors.toUnmodifiableSet());

    private final Alerts alerts;
    private final AlertConfig config;
    private final Clock clock = Clock.systemUTC();

    EventAlerts(Alerts alerts, AlertConfig config) {
        this.alerts = alerts;
        this.config = config;
    }

    /** Whether an event of this type matters to a rule (the others are not even claimed in the inbox). */
    public boolean handles(String type) {
        return HANDLED.contains(type);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CloudEvent event) {
        String cause = event.getId();
        String type = event.getType();
        if (is(type, EventTypes.HOST_LOST)) {
            HostLost lost = EventCodec.payload(event, EventTypes.HOST_LOST);
            raise(AlertRules.HOST_LOST, AlertRules.hostSubject(lost.hostId()), lost.at(),
                    () -> AlertRules.hostLost(lost, cause));
        } else if (is(type, EventTypes.HOST_ONLINE)) {
            var online = EventCodec.payload(event, EventTypes.HOST_ONLINE);
            clear(AlertRules.HOST_LOST, AlertRules.hostSubject(online.hostId()), online.at());
        } else if (is(type, EventTypes.HOST_PROVISIONING_FAILED)) {
            HostProvisioningFailed failed = EventCodec.payload(event, EventTypes.HOST_PROVISIONING_FAILED);
            raise(AlertRules.PROVISIONING_FAILED, AlertRules.hostSubject(failed.hostId()), failed.at(),
                    () -> AlertRules.provisioningFailed(failed, cause));
        } else if (is(type, EventTypes.HOST_PROVISIONING_STARTED)) {
            var started = EventCodec.payload(event, EventTypes.HOST_PROVISIONING_STARTED);
            clear(AlertRules.PROVISIONING_FAILED, AlertRules.hostSubject(started.hostId()), started.at());
        } else if (is(type, EventTypes.HOST_PROVISIONED)) {
            var provisioned = EventCodec.payload(event, EventTypes.HOST_PROVISIONED);
            clear(AlertRules.PROVISIONING_FAILED, AlertRules.hostSubject(provisioned.hostId()), provisioned.at());
        } else if (is(type, EventTypes.STORAGE_MOUNT_DEGRADED)) {
            MountDegraded degraded = EventCodec.payload(event, EventTypes.STORAGE_MOUNT_DEGRADED);
            raise(AlertRules.MOUNT_DEGRADED, AlertRules.hostSubject(degraded.hostId()), degraded.at(),
                    () -> AlertRules.mountDegraded(degraded, cause));
        } else if (is(type, EventTypes.STORAGE_MOUNT_HEALTHY)) {
            var healthy = EventCodec.payload(event, EventTypes.STORAGE_MOUNT_HEALTHY);
            clear(AlertRules.MOUNT_DEGRADED, AlertRules.hostSubject(healthy.hostId()), healthy.at());
        } else if (is(type, EventTypes.BACKUP_FAILED)) {
            BackupFailed failed = EventCodec.payload(event, EventTypes.BACKUP_FAILED);
            raise(AlertRules.BACKUP_FAILED, AlertRules.volumeSubject(failed.app(), failed.volume()), failed.at(),
                    () -> AlertRules.backupFailed(failed, cause));
        } else if (is(type, EventTypes.BACKUP_COMPLETED)) {
            var completed = EventCodec.payload(event, EventTypes.BACKUP_COMPLETED);
            clear(AlertRules.BACKUP_FAILED, AlertRules.volumeSubject(completed.app(), completed.volume()),
                    completed.at());
        }
    }

    private void raise(String rule, String subject, Instant at, Supplier<AlertRaised> alert) {
        if (at != null && at.isAfter(clock.instant().minus(config.maxAge()))) {
            alerts.observe(rule, subject, true, at, null, alert);
        }
    }

    private void clear(String rule, String subject, Instant at) {
        if (at != null) {
            alerts.observe(rule, subject, false, at, null, null);
        }
    }

    private static boolean is(String type, EventType<?> wanted) {
        return wanted.type().equals(type);
    }
}
