package io.homeport.gateway.alert;

import io.homeport.agent.protocol.DiskUsage;
import io.homeport.events.alert.AlertRaised;
import io.homeport.events.host.HostLost;
import io.homeport.events.host.HostProvisioningFailed;
import io.homeport.events.storage.BackupFailed;
import io.homeport.events.storage.MountDegraded;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The default alert rules' alerts, built from what triggered them: which rule, how severe, about what (the subject,
 * also the Kafka key), one line for a human and the details. Pure: whether an alert is raised at all is
 * {@link FiringState}'s decision. Summaries carry only ids, names, paths and figures, and reasons the services
 * already publish (which never hold secrets), cut to one line.
 */
public final class AlertRules {

    public static final String HOST_LOST = "host-lost";
    public static final String PROVISIONING_FAILED = "provisioning-failed";
    public static final String MOUNT_DEGRADED = "mount-degraded";
    public static final String BACKUP_FAILED = "backup-failed";
    public static final String CRASH_LOOPING = "container-crash-looping";
    public static final String DISK_USAGE_HIGH = "disk-usage-high";

    static final String CRITICAL = "critical";
    static final String WARNING = "warning";

    private static final int MAX_REASON = 300;

    private AlertRules() {
    }

    public static String hostSubject(UUID hostId) {
        return "host/" + hostId;
    }

    public static String containerSubject(UUID hostId, String container) {
        return "container/" + hostId + "/" + container;
    }

    public static String volumeSubject(String app, String volume) {
        return "volume/" + app + "/" + volume;
    }

    /** The state key of one file system of a host: the disk rule fires per mount point. */
    public static String diskKey(UUID hostId, String mountPoint) {
        return hostSubject(hostId) + ":" + mountPoint;
    }

    public static AlertRaised hostLost(HostLost lost, String cause) {
        Map<String, String> details = details("hostId", lost.hostId());
        put(details, "lastHeartbeatAt", lost.lastHeartbeatAt());
        return new AlertRaised(HOST_LOST, CRITICAL, hostSubject(lost.hostId()),
                "Host " + lost.hostId() + " is lost: no heartbeat since "
                        + (lost.lastHeartbeatAt() == null ? "it was registered" : lost.lastHeartbeatAt()),
                details, cause, lost.at());
    }

    public static AlertRaised provisioningFailed(HostProvisioningFailed failed, String cause) {
        Map<String, String> details = details("hostId", failed.hostId());
        put(details, "runId", failed.runId());
        put(details, "failedTask", failed.failedTask());
        put(details, "message", oneLine(failed.message()));
        String where = failed.failedTask() == null ? "" : " at task '" + oneLine(failed.failedTask()) + "'";
        return new AlertRaised(PROVISIONING_FAILED, WARNING, hostSubject(failed.hostId()),
                "Provisioning of host " + failed.hostId() + " failed" + where
                        + (failed.message() == null ? "" : ": " + oneLine(failed.message())),
                details, cause, failed.at());
    }

    public static AlertRaised mountDegraded(MountDegraded degraded, String cause) {
        Map<String, String> details = details("hostId", degraded.hostId());
        put(details, "path", degraded.path());
        put(details, "reason", oneLine(degraded.reason()));
        put(details, "uploadsQueued", degraded.uploadsQueued());
        put(details, "errors", degraded.errors());
        return new AlertRaised(MOUNT_DEGRADED, WARNING, hostSubject(degraded.hostId()),
                "Shared mount " + degraded.path() + " on host " + degraded.hostId() + " is degraded"
                        + (degraded.reason() == null ? "" : ": " + oneLine(degraded.reason())),
                details, cause, degraded.at());
    }

    public static AlertRaised backupFailed(BackupFailed failed, String cause) {
        Map<String, String> details = details("app", failed.app());
        put(details, "volume", failed.volume());
        put(details, "backupId", failed.backupId());
        put(details, "hostId", failed.hostId());
        put(details, "reason", oneLine(failed.reason()));
        return new AlertRaised(BACKUP_FAILED, WARNING, volumeSubject(failed.app(), failed.volume()),
                "Backup of volume " + failed.app() + "/" + failed.volume() + " failed"
                        + (failed.reason() == null ? "" : ": " + oneLine(failed.reason())),
                details, cause, failed.at());
    }

    /**
     * @param restarts    restarts counted within {@code window}
     * @param restartCount the count the agent reported
     */
    public static AlertRaised crashLooping(UUID hostId, String container, String app, int restarts, Duration window,
            int restartCount, String cause, Instant at) {
        Map<String, String> details = details("hostId", hostId);
        put(details, "container", container);
        put(details, "app", app);
        put(details, "restarts", restarts);
        put(details, "window", window);
        put(details, "restartCount", restartCount);
        return new AlertRaised(CRASH_LOOPING, WARNING, containerSubject(hostId, container),
                "Container " + container + " on host " + hostId + " restarted " + restarts + " times within "
                        + humanDuration(window),
                details, cause, at);
    }

    public static boolean diskHigh(DiskUsage disk, double thresholdPercent) {
        return disk.usedPercent() > thresholdPercent;
    }

    public static AlertRaised diskUsageHigh(UUID hostId, DiskUsage disk, double thresholdPercent, String cause,
            Instant at) {
        Map<String, String> details = details("hostId", hostId);
        put(details, "mountPoint", disk.mountPoint());
        put(details, "usedPercent", String.format(Locale.ROOT, "%.1f", disk.usedPercent()));
        put(details, "freeBytes", disk.freeBytes());
        put(details, "thresholdPercent", String.format(Locale.ROOT, "%.1f", thresholdPercent));
        return new AlertRaised(DISK_USAGE_HIGH, CRITICAL, hostSubject(hostId),
                String.format(Locale.ROOT, "Disk %s on host %s is %.1f %% full (%s free)", disk.mountPoint(),
                        hostId, disk.usedPercent(), humanBytes(disk.freeBytes())),
                details, cause, at);
    }

    private static Map<String, String> details(String key, Object value) {
        Map<String, String> details = new LinkedHashMap<>();
        put(details, key, value);
        return details;
    }

    private static void put(Map<String, String> details, String key, Object value) {
        if (value != null) {
            details.put(key, value.toString());
        }
    }

    /** A reason as one line of bounded length: a summary is a single line, whatever a tool printed. */
    static String oneLine(String text) {
        if (text == null) {
            return null;
        }
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_REASON ? line : line.substring(0, MAX_REASON - 1) + "…";
    }

    static String humanDuration(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds % 3600 == 0) {
            return plural(seconds / 3600, "hour");
        }
        return seconds % 60 == 0 ? plural(seconds / 60, "minute") : plural(seconds, "second");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    static String humanBytes(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
