package io.homeport.tunnel.reconcile;

import io.homeport.platform.retry.Backoff;
import io.homeport.tunnel.config.TunnelConfig;
import io.homeport.tunnel.tunnel.HostTunnel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Which hosts' tunnels are to be brought in line, and when: the key is the host, never what changed, so a reconcile
 * re-reads everything (controller pattern). Each change makes a host due one debounce from now (a quiet period), but
 * never later than ten debounces after the first change not yet reconciled, so a burst of changes lands in one
 * reconcile and one configuration write, and a steady stream of them still gets written. Kept in PostgreSQL, so that
 * several replicas share the work: a replica claims due hosts with {@code SKIP LOCKED} and holds each for a lease
 * time while it reconciles.
 */
@ApplicationScoped
public class ReconcileQueue {

    /** How long a claimed host is left to the replica reconciling it before another may take it. */
    static final Duration CLAIM = Duration.ofMinutes(3);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(2);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final EntityManager entities;
    private final Duration debounce;

    ReconcileQueue(EntityManager entities, TunnelConfig config) {
        this.entities = entities;
        this.debounce = config.debounce();
    }

    /** These hosts' tunnels are due one debounce from now, or by the cap of their first pending change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void due(Collection<UUID> hosts) {
        if (hosts.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        entities.createNativeQuery("""
                UPDATE host_tunnel SET pending_since = COALESCE(pending_since, :now),
                       reconcile_due = LEAST(:quiet, COALESCE(pending_since, :now) + :cap * interval '1 millisecond')
                WHERE host_id IN (:hosts)""").setParameter("now", now).setParameter("quiet", now.plus(debounce))
                .setParameter("cap", debounce.toMillis() * 10).setParameter("hosts", List.copyOf(hosts))
                .executeUpdate();
    }

    /** Every tunnel is due now: the drift check. */
    @Transactional
    public int allDue() {
        return entities.createNativeQuery("UPDATE host_tunnel SET pending_since = COALESCE(pending_since, now()), "
                + "reconcile_due = now()").executeUpdate();
    }

    /** Claims up to {@code limit} due hosts for this replica. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<UUID> claim(int limit) {
        return entities.createNativeQuery("""
                UPDATE host_tunnel SET reconcile_due = NULL, pending_since = NULL, reconciling_until = :until
                WHERE host_id IN (SELECT host_id FROM host_tunnel
                                  WHERE reconcile_due <= now()
                                    AND (reconciling_until IS NULL OR reconciling_until < now())
                                  ORDER BY reconcile_due LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING host_id""", UUID.class).setParameter("until", Instant.now().plus(CLAIM))
                .setParameter("limit", limit).getResultList();
    }

    /** The reconcile of {@code host} is over: a success clears its failures, a failure retries it with backoff. */
    @Transactional
    public HostTunnel finished(UUID host, String error) {
        HostTunnel tunnel = HostTunnel.findById(host);
        if (tunnel == null) {
            return null;
        }
        tunnel.reconcilingUntil = null;
        if (error == null) {
            tunnel.failures = 0;
            tunnel.lastError = null;
            tunnel.reconciledAt = Instant.now();
        } else {
            tunnel.failures++;
            tunnel.lastError = error;
            Instant retry = Instant.now().plus(Backoff.after(tunnel.failures, FIRST_BACKOFF, MAX_BACKOFF));
            tunnel.reconcileDue = tunnel.reconcileDue == null || retry.isBefore(tunnel.reconcileDue) ? retry
                    : tunnel.reconcileDue;
        }
        return tunnel;
    }
}
