package io.homeport.platform.sample;

import io.homeport.events.EventTypes;
import io.homeport.events.host.HostRegistered;
import io.homeport.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A state change with its event, the way services write them. */
@ApplicationScoped
public class SampleHosts {

    private final EntityManager entityManager;
    private final Outbox outbox;

    SampleHosts(EntityManager entityManager, Outbox outbox) {
        this.entityManager = entityManager;
        this.outbox = outbox;
    }

    @Transactional
    public String register(UUID id, String name) {
        entityManager.createNativeQuery("INSERT INTO sample_host (id, name) VALUES (?1, ?2)")
                .setParameter(1, id).setParameter(2, name).executeUpdate();
        return outbox.emit(EventTypes.HOST_REGISTERED, id.toString(),
                new HostRegistered(id, name, "192.0.2.1", 22, Map.of(), Instant.now())).getId();
    }

    @Transactional
    public String rename(UUID id, String name) {
        entityManager.createNativeQuery("UPDATE sample_host SET name = ?2 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, name).executeUpdate();
        return outbox.emit(EventTypes.HOST_REGISTERED, id.toString(),
                new HostRegistered(id, name, "192.0.2.1", 22, Map.of(), Instant.now())).getId();
    }

    /** Emits, then fails: neither the row nor the event may survive. */
    @Transactional
    public void registerThenFail(UUID id, String name) {
        register(id, name);
        throw new IllegalStateException("failing on purpose after the event was recorded");
    }

    @Transactional
    public long count(UUID id) {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM sample_host WHERE id = ?1")
                .setParameter(1, id).getSingleResult()).longValue();
    }
}
