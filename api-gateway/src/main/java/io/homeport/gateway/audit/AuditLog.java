package io.homeport.gateway.audit;

import io.homeport.platform.problem.ProblemException;
import io.homeport.platform.problem.Problem;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Writes and reads the audit log. An entry is written after the answer has gone out, in a transaction of its own
 * on a worker thread: a failed write is logged as an error (with the entry, which holds no secret) but can never
 * turn an answer into a 5xx, nor hold it up.
 */
@ApplicationScoped
public class AuditLog {

    public static final int MAX_LIMIT = 1000;
    private static final Logger LOG = Logger.getLogger(AuditLog.class);

    /** Records an entry in the background. */
    public void record(Actor actor, String action, String target, int status, Instant at, long durationMs,
            String client) {
        AuditEntry entry = new AuditEntry();
        entry.at = at.truncatedTo(ChronoUnit.MICROS);
        entry.actor = actor.name();
        entry.actorKind = actor.kind().label();
        entry.action = action;
        entry.target = target;
        entry.status = status;
        entry.durationMs = durationMs;
        entry.client = client;
        Infrastructure.getDefaultWorkerPool().execute(() -> write(entry));
    }

    private static void write(AuditEntry entry) {
        try {
            QuarkusTransaction.requiringNew().run(entry::persist);
        } catch (RuntimeException e) {
            LOG.errorf(e, "AUDIT ENTRY LOST: could not write %s by %s (%s) on %s -> %d at %s", entry.action,
                    entry.actor, entry.actorKind, entry.target, entry.status, entry.at);
        }
    }

    /**
     * Entries newest first.
     *
     * @param target matches entries whose target contains it (a resource id, a path)
     * @param before the id of the last entry of the previous page, or null for the first page
     */
    @Transactional
    public List<AuditEntryView> query(Instant from, Instant to, String actor, String target, Long before,
            int limit) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new ProblemException(Problem.invalidField("from", "must not be after to"));
        }
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (from != null) {
            where.add("at >= :from");
            parameters.and("from", from);
        }
        if (to != null) {
            where.add("at < :to");
            parameters.and("to", to);
        }
        if (actor != null) {
            where.add("actor = :actor");
            parameters.and("actor", actor);
        }
        if (target != null) {
            where.add("locate(:target, target) > 0");
            parameters.and("target", target);
        }
        if (before != null) {
            where.add("id < :before");
            parameters.and("before", before);
        }
        PanacheQuery<AuditEntry> query = where.isEmpty() ? AuditEntry.findAll(Sort.descending("id"))
                : AuditEntry.find(String.join(" and ", where), Sort.descending("id"), parameters);
        return query.page(0, limit).list().stream().map(AuditEntryView::of).toList();
    }
}
