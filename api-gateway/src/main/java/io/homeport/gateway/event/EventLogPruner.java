package io.homeport.gateway.event;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/** Deletes events older than {@code homeport.gateway.events.retention}; every replica may run it, to the same end. */
@ApplicationScoped
public class EventLogPruner {

    private static final Logger LOG = Logger.getLogger(EventLogPruner.class);

    private final EventLog log;
    private final EventsConfig config;

    EventLogPruner(EventLog log, EventsConfig config) {
        this.log = log;
        this.config = config;
    }

    @Scheduled(every = "${homeport.gateway.events.prune-interval}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void prune() {
        int pruned = log.prune(Instant.now().minus(config.retention()));
        if (pruned > 0) {
            LOG.infof("Event log: %d event(s) older than %s pruned", pruned, config.retention());
        }
    }
}
