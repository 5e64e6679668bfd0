package io.homeport.provisioner.liveness;

import io.homeport.provisioner.config.ProvisionerConfig;
import io.homeport.provisioner.host.HostService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;

/**
 * Host liveness from agent heartbeats. Every status change commits together with its event and, for a host of the
 * inventory, its lifecycle step (READY ⇄ LOST). Started eagerly so a bad configuration stops the service at once.
 */
@Startup
@ApplicationScoped
public class LivenessService {

    private static final Logger LOG = Logger.getLogger(LivenessService.class);

    private final LivenessTable table;
    private final LivenessEvents events;
    private final HostService hosts;
    private final LivenessRule rule;
    private final Clock clock = Clock.systemUTC();

    LivenessService(LivenessTable table, LivenessEvents events, HostService hosts, ProvisionerConfig config) {
        this.table = table;
        this.events = events;
        this.hosts = hosts;
        this.rule = LivenessRule.of(config.liveness());
    }

    /** The host's liveness; empty for a host never heard from (UNKNOWN). */
    public Optional<HostLiveness> of(UUID hostId) {
        return Optional.ofNullable(of(List.of(hostId)).get(hostId));
    }

    /** The liveness of each of these hosts that was ever heard from; the others are absent (UNKNOWN). */
    public Map<UUID, HostLiveness> of(Collection<UUID> hostIds) {
        if (hostIds.isEmpty()) {
            return Map.of();
        }
        try {
            return table.find(hostIds).values().stream()
                    .collect(Collectors.toMap(LivenessTable.Row::hostId, LivenessTable.Row::view));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read host liveness", e);
        }
    }

    LivenessRule rule() {
        return rule;
    }

    /**
     * Heartbeats (and agent connections), the latest per host. A host whose heartbeat makes it ONLINE is flipped
     * right here, without waiting for the next check. Heartbeats dated in the future count as now, so a skewed clock
     * cannot keep a silent host online. Retried in a new transaction when the database fails.
     */
    @Retry(maxRetries = 10, delay = 100, maxDuration = 60, durationUnit = ChronoUnit.SECONDS)
    @ExponentialBackoff(maxDelay = 5, maxDelayUnit = ChronoUnit.SECONDS)
    public void heard(Map<UUID, Instant> latest) {
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = now();
            Map<UUID, Instant> capped = latest.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                    e -> min(e.getValue().truncatedTo(ChronoUnit.MICROS), now)));
            try {
                for (LivenessTable.Row row : table.heard(capped)) {
                    LivenessStatus verdict = rule.evaluate(row.lastHeartbeatAt(), now);
                    if (verdict != row.status()) {
                        change(row, verdict, now);
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not record heartbeats", e);
            }
        });
    }

    /** Hosts whose status the rule would change now. */
    List<UUID> due() {
        Instant now = now();
        try {
            return table.due(rule.suspectBefore(now), rule.lostBefore(now));
        } catch (SQLException e) {
            throw new IllegalStateException("could not look for hosts due a liveness change", e);
        }
    }

    /**
     * Judges one host again under its row lock and applies the verdict. A host another replica (or a heartbeat) is
     * handling right now is passed over: whoever holds it decides.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void judge(UUID hostId) {
        try {
            Optional<LivenessTable.Row> locked = table.lock(hostId);
            if (locked.isEmpty()) {
                return;
            }
            LivenessTable.Row row = locked.get();
            Instant now = now();
            LivenessStatus verdict = rule.evaluate(row.lastHeartbeatAt(), now);
            if (verdict != row.status()) {
                change(row, verdict, now);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not judge the liveness of host " + hostId, e);
        }
    }

    private void change(LivenessTable.Row row, LivenessStatus verdict, Instant now) throws SQLException {
        if (!table.change(row, verdict, now)) {
            return;
        }
        LOG.infof("host %s is %s (was %s; last heartbeat %s)", row.hostId(), verdict, row.status(),
                row.lastHeartbeatAt());
        events.changed(row.hostId(), verdict, row.lastHeartbeatAt(), now);
        if (verdict == LivenessStatus.ONLINE || verdict == LivenessStatus.LOST) {
            hosts.followLiveness(row.hostId(), verdict == LivenessStatus.ONLINE);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
