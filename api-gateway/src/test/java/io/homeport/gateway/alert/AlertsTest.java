package io.homeport.gateway.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.homeport.agent.protocol.ContainerState;
import io.homeport.agent.protocol.DiskUsage;
import io.homeport.events.EventCodec;
import io.homeport.events.EventType;
import io.homeport.events.EventTypes;
import io.homeport.events.Topics;
import io.homeport.events.agent.AgentReported;
import io.homeport.events.alert.AlertRaised;
import io.homeport.events.host.HostLost;
import io.homeport.events.host.HostOnline;
import io.homeport.events.host.HostProvisioningFailed;
import io.homeport.events.storage.BackupFailed;
import io.homeport.events.storage.MountDegraded;
import io.homeport.testkit.EventReader;
import io.homeport.testkit.EventWriter;
import io.homeport.testkit.InjectKafkaBroker;
import io.homeport.testkit.KafkaBroker;
import io.homeport.testkit.KafkaTestResource;
import io.homeport.testkit.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The default alert rules end to end inside the gateway: events and agent reports on the real broker in, exactly one
 * {@code alert.raised} per incident out on {@code homeport.alerts}, none again on redelivery.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class AlertsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** How long to watch for an alert that must not come. */
    private static final Duration QUIET = Duration.ofSeconds(4);

    @InjectKafkaBroker
    KafkaBroker broker;

    @Test
    void eachEventRuleRaisesOneAlertWithItsSubjectAndCauseAndNoneOnRedelivery() {
        UUID lostHost = UUID.randomUUID();
        UUID provisionedHost = UUID.randomUUID();
        UUID mountHost = UUID.randomUUID();
        String app = "shop-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        CloudEvent lost = event(EventTypes.HOST_LOST, lostHost.toString(), new HostLost(lostHost, now.minusSeconds(15),
                now));
        CloudEvent failed = event(EventTypes.HOST_PROVISIONING_FAILED, provisionedHost.toString(),
                new HostProvisioningFailed(UUID.randomUUID(), provisionedHost, "homeport_docker : Ensure Docker is installed.",
                        "apt-get failed", now));
        CloudEvent degraded = event(EventTypes.STORAGE_MOUNT_DEGRADED, mountHost.toString(),
                new MountDegraded(mountHost, "/mnt/homeport", "canary timed out", 7L, null, now));
        CloudEvent backup = event(EventTypes.BACKUP_FAILED, app + "/data",
                new BackupFailed(UUID.randomUUID(), app, "data", mountHost, "checksum mismatch", now));

        try (EventWriter writer = new EventWriter(broker.bootstrapServers());
                EventReader alerts = new EventReader(broker.bootstrapServers(), Topics.ALERTS)) {
            writer.publish(Topics.HOSTS, lost);
            writer.publish(Topics.HOSTS, failed);
            writer.publish(Topics.STORAGE, degraded);
            writer.publish(Topics.STORAGE, backup);

            List<AlertRaised> raised = List.of();
            for (String subject : List.of("host/" + lostHost, "host/" + provisionedHost, "host/" + mountHost,
                    "volume/" + app + "/data")) {
                raised = awaitAlerts(alerts, a -> a.subject().equals(subject));
            }
            assertOne(raised, "host/" + lostHost, "host-lost", "critical", lost.getId());
            assertOne(raised, "host/" + provisionedHost, "provisioning-failed", "warning", failed.getId());
            assertOne(raised, "host/" + mountHost, "mount-degraded", "warning", degraded.getId());
            assertOne(raised, "volume/" + app + "/data", "backup-failed", "warning", backup.getId());

            // redelivered as they were, and the host reported lost once more while it still is: nothing new
            writer.publish(Topics.HOSTS, lost);
            writer.publish(Topics.HOSTS, failed);
            writer.publish(Topics.STORAGE, degraded);
            writer.publish(Topics.STORAGE, backup);
            writer.publish(Topics.HOSTS, event(EventTypes.HOST_LOST, lostHost.toString(),
                    new HostLost(lostHost, now.minusSeconds(15), now.plusSeconds(5))));
            List<AlertRaised> later = alertsFor(alerts.readFor(QUIET), lostHost, provisionedHost, mountHost, app);
            assertThat(later).as("no alert twice").hasSize(4);

            // back online, then lost again: a new incident, a new alert
            writer.publish(Topics.HOSTS, event(EventTypes.HOST_ONLINE, lostHost.toString(),
                    new HostOnline(lostHost, now.plusSeconds(10), now.plusSeconds(10))));
            CloudEvent lostAgain = event(EventTypes.HOST_LOST, lostHost.toString(),
                    new HostLost(lostHost, now.plusSeconds(10), now.plusSeconds(20)));
            writer.publish(Topics.HOSTS, lostAgain);
            List<AlertRaised> again = awaitAlerts(alerts, a -> lostAgain.getId().equals(a.cause()));
            assertThat(again.stream().filter(a -> a.subject().equals("host/" + lostHost)).map(AlertRaised::cause))
                    .containsExactly(lost.getId(), lostAgain.getId());
        }
    }

    @Test
    void agentReportsRaiseOneCrashLoopAndOneDiskAlertPerIncident() {
        UUID host = UUID.randomUUID();
        Instant t0 = Instant.now().minus(Duration.ofMinutes(4)).truncatedTo(ChronoUnit.MILLIS);
        CloudEvent baseline = report(host, true, t0, 0, List.of(new DiskUsage("/", 50, 50L << 30)));
        CloudEvent first = report(host, false, t0.plusSeconds(60), 1, List.of());
        CloudEvent second = report(host, false, t0.plusSeconds(120), 2, List.of());
        CloudEvent third = report(host, true, t0.plusSeconds(180), 3,
                List.of(new DiskUsage("/", 95.2, 2L << 30), new DiskUsage("/srv", 40, 60L << 30)));

        try (EventWriter writer = new EventWriter(broker.bootstrapServers());
                EventReader alerts = new EventReader(broker.bootstrapServers(), Topics.ALERTS)) {
            for (CloudEvent report : List.of(baseline, first, second, third)) {
                writer.publish(Topics.AGENT_REPORTS, report);
            }
            String container = "container/" + host + "/hp-web-0";
            awaitAlerts(alerts, a -> a.subject().equals(container));
            List<AlertRaised> raised = awaitAlerts(alerts, a -> a.rule().equals("disk-usage-high") && a.details().get("hostId")
                    .equals(host.toString()));
            AlertRaised crash = assertOne(raised, container, "container-crash-looping", "warning", third.getId());
            assertThat(crash.details()).containsEntry("restarts", "3").containsEntry("container", "hp-web-0")
                    .containsEntry("app", "web");
            AlertRaised disk = assertOne(raised, "host/" + host, "disk-usage-high", "critical", third.getId());
            assertThat(disk.details()).containsEntry("mountPoint", "/").containsEntry("usedPercent", "95.2");

            // redelivered, then more restarts within the window and a disk still full: no alert again
            writer.publish(Topics.AGENT_REPORTS, second);
            writer.publish(Topics.AGENT_REPORTS, third);
            writer.publish(Topics.AGENT_REPORTS, report(host, true, t0.plusSeconds(200), 5,
                    List.of(new DiskUsage("/", 96, 1L << 30))));
            assertThat(alertsFor(alerts.readFor(QUIET), host)).as("one alert per incident").hasSize(2);

            // the disk went below the threshold and rose again: a new alert
            writer.publish(Topics.AGENT_REPORTS, report(host, true, t0.plusSeconds(210), 5,
                    List.of(new DiskUsage("/", 60, 20L << 30))));
            CloudEvent fullAgain = report(host, true, t0.plusSeconds(220), 5,
                    List.of(new DiskUsage("/", 97, 1L << 29)));
            writer.publish(Topics.AGENT_REPORTS, fullAgain);
            List<AlertRaised> again = awaitAlerts(alerts, a -> fullAgain.getId().equals(a.cause()));
            assertThat(alertsFor(again, host)).extracting(AlertRaised::rule).containsExactlyInAnyOrder(
                    "container-crash-looping", "disk-usage-high", "disk-usage-high");
        }
    }

    private static CloudEvent report(UUID host, boolean full, Instant at, int restartCount, List<DiskUsage> disks) {
        ContainerState web = new ContainerState("c-web", "hp-web-0", "local/web:1", "running", null, true, "web", 1L,
                "hash", null, Map.of(), restartCount);
        return event(EventTypes.AGENT_REPORTED, host.toString(),
                new AgentReported(host, full, List.of(web), at, List.of(), List.of(), disks));
    }

    private static <T> CloudEvent event(EventType<T> type, String subject, T payload) {
        return EventCodec.create(type, URI.create("/homeport/test"), subject, payload, Clock.systemUTC());
    }

    private static List<AlertRaised> awaitAlerts(EventReader reader, Predicate<AlertRaised> wanted) {
        return reader.readUntil(e -> wanted.test(EventCodec.payload(e, EventTypes.ALERT_RAISED)), WAIT).stream()
                .map(r -> EventCodec.payload(r.value(), EventTypes.ALERT_RAISED)).toList();
    }

    /** The alerts about these hosts (or apps' volumes) only: the other test's alerts share the topic. */
    private static List<AlertRaised> alertsFor(List<?> records, Object... about) {
        return records.stream().map(r -> r instanceof ConsumerRecord<?, ?> record
                        ? EventCodec.payload((CloudEvent) record.value(), EventTypes.ALERT_RAISED) : (AlertRaised) r)
                .filter(alert -> List.of(about).stream().anyMatch(a -> alert.subject().contains(a.toString())))
                .toList();
    }

    private static AlertRaised assertOne(List<AlertRaised> alerts, String subject, String rule, String severity,
            String cause) {
        List<AlertRaised> matching = alerts.stream().filter(a -> a.subject().equals(subject) && a.rule().equals(rule))
                .toList();
        assertThat(matching).as(rule + " for " + subject).hasSize(1);
        AlertRaised alert = matching.get(0);
        assertThat(alert.severity()).isEqualTo(severity);
        assertThat(alert.cause()).isEqualTo(cause);
        assertThat(alert.summary()).doesNotContain("\n").isNotBlank();
        return alert;
    }
}
