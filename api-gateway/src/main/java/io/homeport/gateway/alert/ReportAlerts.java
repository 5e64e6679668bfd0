package io.homeport.gateway.alert;

import io.homeport.agent.protocol.ContainerState;
import io.homeport.agent.protocol.DiskUsage;
import io.homeport.events.agent.AgentReported;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rules fired by agent reports: a container crash-looping (its restart count grew by {@code crash-loop.restarts}
 * within {@code crash-loop.window}; raised at most once per window) and a file system fuller than
 * {@code disk.used-percent} (raised once, again only after it went below and rose again).
 *
 * <p>Agent reports are the busiest topic, and nearly all of them change nothing here: what this replica last saw of
 * each container's count and each disk's state is kept in memory, and only a report that differs from it goes to
 * the database, where the rows are locked and the stored state decides (another replica may have moved it on).
 * Reports carry the agent's time: one no later than what a row last saw (a redelivered or reordered report) changes
 * nothing, so redelivery raises nothing twice.
 */
@ApplicationScoped
public class ReportAlerts {

    private final Alerts alerts;
    private final RestartHistories histories;
    private final AlertConfig config;
    private final Clock clock = Clock.systemUTC();
    /** By container key: the history last seen here (only a baseline when the container never restarted). */
    private final Map<String, RestartHistory> seenCounts = new ConcurrentHashMap<>();
    /** By disk key: whether disk-usage-high was last seen firing. */
    private final Map<String, Boolean> seenDisks = new ConcurrentHashMap<>();

    ReportAlerts(Alerts alerts, RestartHistories histories, AlertConfig config) {
        this.alerts = alerts;
        this.histories = histories;
        this.config = config;
    }

    /** @param cause the id of the {@code agent.reported} event */
    public void apply(AgentReported report, String cause) {
        if (report.at() == null || report.at().isBefore(clock.instant().minus(config.maxAge()))) {
            return;
        }
        List<ContainerState> counted = new ArrayList<>();
        List<ContainerState> removed = new ArrayList<>();
        for (ContainerState container : report.containers()) {
            String key = AlertRules.containerSubject(report.hostId(), container.name());
            RestartHistory seen = seenCounts.get(key);
            if ("removed".equals(container.state())) {
                removed.add(container);
            } else if (container.restartCount() != null
                    && (seen == null || seen.lastCount() != container.restartCount())) {
                counted.add(container);
            }
        }
        List<DiskUsage> disks = report.disks().stream().filter(disk -> !Boolean.valueOf(
                AlertRules.diskHigh(disk, config.disk().usedPercent()))
                .equals(seenDisks.get(AlertRules.diskKey(report.hostId(), disk.mountPoint())))).toList();
        if (counted.isEmpty() && removed.isEmpty() && disks.isEmpty()) {
            return;
        }
        Map<String, RestartHistory> countsSeen = new HashMap<>();
        Map<String, Boolean> disksSeen = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            removed.forEach(container -> histories.forget(report.hostId(), container.name()));
            counted.forEach(container -> countsSeen.put(AlertRules.containerSubject(report.hostId(),
                    container.name()), restarts(report, container, cause)));
            disks.forEach(disk -> disksSeen.put(AlertRules.diskKey(report.hostId(), disk.mountPoint()),
                    disk(report, disk, cause)));
        });
        // only once committed: what is remembered here must never be ahead of the database
        removed.forEach(container -> seenCounts.remove(AlertRules.containerSubject(report.hostId(),
                container.name())));
        seenCounts.putAll(countsSeen);
        seenDisks.putAll(disksSeen);
    }

    private RestartHistory restarts(AgentReported report, ContainerState container, String cause) {
        UUID hostId = report.hostId();
        String key = AlertRules.containerSubject(hostId, container.name());
        int count = container.restartCount();
        Optional<RestartHistory> stored = histories.lock(hostId, container.name());
        RestartHistory previous = stored.orElse(seenCounts.get(key));
        if (previous == null) {
            return RestartHistory.baseline(count, report.at());
        }
        Duration window = config.crashLoop().window();
        RestartHistory next = previous.observe(count, report.at(), window);
        if (next == previous) {
            return previous;
        }
        if (stored.isPresent() || !next.restarts().isEmpty()) {
            histories.save(hostId, container.name(), next);
        }
        int restarts = next.restartsWithin(window, report.at());
        if (count > previous.lastCount() && restarts >= config.crashLoop().restarts()) {
            alerts.observe(AlertRules.CRASH_LOOPING, key, true, report.at(), window,
                    () -> AlertRules.crashLooping(hostId, container.name(), container.app(), restarts, window, count,
                            cause, report.at()));
        }
        return next;
    }

    private boolean disk(AgentReported report, DiskUsage disk, String cause) {
        double threshold = config.disk().usedPercent();
        return alerts.observe(AlertRules.DISK_USAGE_HIGH, AlertRules.diskKey(report.hostId(), disk.mountPoint()),
                AlertRules.diskHigh(disk, threshold), report.at(), null,
                () -> AlertRules.diskUsageHigh(report.hostId(), disk, threshold, cause, report.at()));
    }
}
