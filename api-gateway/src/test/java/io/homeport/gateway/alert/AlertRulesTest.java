package io.homeport.gateway.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.homeport.agent.protocol.DiskUsage;
import io.homeport.events.alert.AlertRaised;
import io.homeport.events.host.HostLost;
import io.homeport.events.host.HostProvisioningFailed;
import io.homeport.events.storage.BackupFailed;
import io.homeport.events.storage.MountDegraded;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AlertRulesTest {

    private static final UUID HOST = UUID.fromString("0b8e2f4c-1111-4a5b-9c3d-000000000001");
    private static final Instant AT = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void eachRuleNamesItsSeveritySubjectAndCause() {
        AlertRaised lost = AlertRules.hostLost(new HostLost(HOST, AT.minusSeconds(30), AT), "ev-1");
        assertThat(lost).extracting(AlertRaised::rule, AlertRaised::severity, AlertRaised::subject, AlertRaised::cause)
                .containsExactly("host-lost", "critical", "host/" + HOST, "ev-1");
        assertThat(lost.summary()).contains(HOST.toString()).contains("2026-11-26T09:59:30Z");

        AlertRaised provisioning = AlertRules.provisioningFailed(new HostProvisioningFailed(UUID.randomUUID(), HOST,
                "homeport_docker : Ensure Docker is installed.", "apt failed:\nE: unable to locate\n", AT), "ev-2");
        assertThat(provisioning).extracting(AlertRaised::rule, AlertRaised::severity, AlertRaised::subject)
                .containsExactly("provisioning-failed", "warning", "host/" + HOST);
        assertThat(provisioning.summary()).as("one line").doesNotContain("\n")
                .contains("Ensure Docker is installed.").contains("apt failed: E: unable to locate");

        AlertRaised mount = AlertRules.mountDegraded(new MountDegraded(HOST, "/mnt/homeport", "canary failed", 4L,
                null, AT), "ev-3");
        assertThat(mount).extracting(AlertRaised::rule, AlertRaised::severity, AlertRaised::subject)
                .containsExactly("mount-degraded", "warning", "host/" + HOST);
        assertThat(mount.details()).containsEntry("uploadsQueued", "4").doesNotContainKey("errors");

        AlertRaised backup = AlertRules.backupFailed(new BackupFailed(UUID.randomUUID(), "shop", "data", null,
                "checksum mismatch", AT), "ev-4");
        assertThat(backup).extracting(AlertRaised::rule, AlertRaised::severity, AlertRaised::subject)
                .containsExactly("backup-failed", "warning", "volume/shop/data");

        AlertRaised crash = AlertRules.crashLooping(HOST, "hp-web-0", "web", 3, Duration.ofMinutes(5), 12, "ev-5",
                AT);
        assertThat(crash).extracting(AlertRaised::rule, AlertRaised::severity, AlertRaised::subject)
                .containsExactly("container-crash-looping", "warning", "container/" + HOST + "/hp-web-0");
        assertThat(crash.summary()).endsWith("restarted 3 times within 5 minutes");

        AlertRaised disk = AlertRules.diskUsageHigh(HOST, new DiskUsage("/var", 95.04, 3L << 30), 90, "ev-6", AT);
        assertThat(disk).extracting(AlertRaised::rule, AlertRaised::severity, AlertRaised::subject)
                .containsExactly("disk-usage-high", "critical", "host/" + HOST);
        assertThat(disk.summary()).isEqualTo("Disk /var on host " + HOST + " is 95.0 % full (3.0 GiB free)");
        assertThat(disk.details()).containsEntry("mountPoint", "/var").containsEntry("freeBytes", "3221225472");
    }

    @Test
    void aDiskIsHighOnlyAboveTheThreshold() {
        assertThat(AlertRules.diskHigh(new DiskUsage("/", 90.0, 1), 90)).isFalse();
        assertThat(AlertRules.diskHigh(new DiskUsage("/", 90.01, 1), 90)).isTrue();
        assertThat(AlertRules.diskHigh(new DiskUsage("/", 96, 1), 95)).isTrue();
    }

    @Test
    void reasonsAreCutToOneBoundedLine() {
        assertThat(AlertRules.oneLine("a\r\n  b\tc ")).isEqualTo("a b c");
        assertThat(AlertRules.oneLine("x".repeat(1000))).hasSize(300).endsWith("…");
        assertThat(AlertRules.humanBytes(512)).isEqualTo("512 B");
        assertThat(AlertRules.humanDuration(Duration.ofSeconds(90))).isEqualTo("90 seconds");
    }
}
