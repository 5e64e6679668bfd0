package io.homeport.tunnel.tunnel;

import io.homeport.tunnel.reconcile.ReconcileQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The hosts that get a tunnel: known from the inventory (its name) or from their agent's hello. A host whose agent
 * connects is due for a reconcile, which creates its tunnel and connector the first time.
 */
@ApplicationScoped
public class HostTunnels {

    private final EntityManager entities;
    private final ReconcileQueue queue;

    HostTunnels(EntityManager entities, ReconcileQueue queue) {
        this.entities = entities;
        this.queue = queue;
    }

    /** The inventory names the host: its name is the one the tunnel is called by. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void known(UUID hostId, String name) {
        record(hostId, name).hostName = name;
    }

    /** The host's agent connected: the host is up, so its tunnel and connector are made (or checked) now. */
    @Transactional
    public void connected(UUID hostId, String hostname) {
        record(hostId, hostname == null ? hostId.toString() : hostname);
        queue.due(List.of(hostId));
    }

    /**
     * The host's row, made first when missing. Inventory events and agent events arrive on two consumers at once, so
     * it is made with an insert that yields to the other's; a name given first by the inventory is kept.
     */
    private HostTunnel record(UUID hostId, String name) {
        entities.createNativeQuery("""
                INSERT INTO host_tunnel (host_id, host_name, created_at) VALUES (:host, :name, :now)
                ON CONFLICT (host_id) DO NOTHING""").setParameter("host", hostId).setParameter("name", name)
                .setParameter("now", Instant.now()).executeUpdate();
        return HostTunnel.findById(hostId);
    }
}
