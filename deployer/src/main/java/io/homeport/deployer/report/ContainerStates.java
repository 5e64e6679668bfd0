package io.homeport.deployer.report;

import io.homeport.events.agent.AgentReported;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps {@link ContainerState} in step with agent reports: a full snapshot replaces what was known of the host's
 * managed containers, a delta updates (or, for {@code removed}, forgets) the containers it names.
 */
@ApplicationScoped
public class ContainerStates {

    /** @return the apps whose containers the report touched */
    @Transactional
    public Set<String> apply(AgentReported report) {
        Instant now = Instant.now();
        Set<String> apps = new HashSet<>();
        // what is known of the host, read once for a snapshot; a delta looks up the few containers it names
        Map<String, ContainerState> known = new HashMap<>();
        if (report.full()) {
            Set<String> reported = new HashSet<>();
            report.containers().stream().filter(c -> c.managed()).forEach(c -> reported.add(c.name()));
            for (ContainerState row : ContainerState.<ContainerState>list("hostId", report.hostId())) {
                if (reported.contains(row.name)) {
                    known.put(row.name, row);
                } else {
                    apps.add(row.app);
                    row.delete();
                }
            }
        }
        for (var container : report.containers()) {
            if (!container.managed() || container.app() == null) {
                continue;
            }
            apps.add(container.app());
            ContainerState row = report.full() ? known.get(container.name())
                    : ContainerState.findById(new ContainerState.Key(report.hostId(), container.name()));
            if ("removed".equals(container.state())) {
                if (row != null) {
                    row.delete();
                }
                continue;
            }
            boolean fresh = row == null;
            if (fresh) {
                row = new ContainerState();
                row.hostId = report.hostId();
                row.name = container.name();
            }
            boolean running = "running".equals(container.state());
            boolean sameRun = running && "running".equals(row.state) && java.util.Objects.equals(row.revision,
                    container.revision());
            row.app = container.app();
            row.revision = container.revision();
            row.state = container.state();
            // snapshots carry Docker's health as it is now; a delta other than health_status (a start) carries none,
            // so what was known stands while the same run goes on
            row.health = report.full() || container.health() != null ? container.health()
                    : running && sameRun ? row.health : null;
            row.runningSince = running ? (sameRun && row.runningSince != null ? row.runningSince : now) : null;
            row.reportedAt = now;
            if (fresh) {
                row.persist();
            }
        }
        return apps;
    }

    public ContainerState of(UUID hostId, String name) {
        return ContainerState.findById(new ContainerState.Key(hostId, name));
    }
}
