package io.homeport.tunnel.reconcile;

import io.homeport.tunnel.cloudflare.Cloudflare;
import io.homeport.tunnel.route.Exposures;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The tunnel-manager's clock: every second it reconciles the tunnels that are due and removes the routes whose grace
 * period is over; every drift interval it makes every tunnel due, so that changes made at Cloudflare by hand to
 * what Homeport owns are repaired (and, at steady state, only read).
 */
@ApplicationScoped
public class ReconcileScheduler {

    private static final Logger LOG = Logger.getLogger(ReconcileScheduler.class);
    private static final int BATCH = 20;

    private final Cloudflare cloudflare;
    private final ReconcileQueue queue;
    private final TunnelReconciler reconciler;
    private final Exposures exposures;

    ReconcileScheduler(Cloudflare cloudflare, ReconcileQueue queue, TunnelReconciler reconciler,
            Exposures exposures) {
        this.cloudflare = cloudflare;
        this.queue = queue;
        this.reconciler = reconciler;
        this.exposures = exposures;
    }

    void announce(@Observes StartupEvent start) {
        if (!cloudflare.configured()) {
            LOG.warn("No Cloudflare API token or account id (HOMEPORT_TUNNEL_CLOUDFLARE_API_TOKEN, "
                    + "HOMEPORT_TUNNEL_CLOUDFLARE_ACCOUNT_ID): routes are tracked, but no tunnel is made");
        }
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        exposures.expire(Instant.now());
        if (!cloudflare.configured()) {
            return;
        }
        List<UUID> due = queue.claim(BATCH);
        due.forEach(reconciler::reconcile);
    }

    @Scheduled(every = "${homeport.tunnel.drift-interval}", delayed = "${homeport.tunnel.drift-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void driftCheck() {
        int tunnels = queue.allDue();
        LOG.debugf("Drift check: %d tunnels due", tunnels);
    }
}
