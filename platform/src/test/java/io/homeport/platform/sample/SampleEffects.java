package io.homeport.platform.sample;

import io.cloudevents.CloudEvent;
import io.homeport.platform.inbox.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A consumer whose effect is a row per applied event, so tests can count effects. */
@ApplicationScoped
public class SampleEffects {

    private final IdempotentConsumer idempotent;
    private final EntityManager entityManager;

    SampleEffects(IdempotentConsumer idempotent, EntityManager entityManager) {
        this.idempotent = idempotent;
        this.entityManager = entityManager;
    }

    @Incoming("hosts")
    @Blocking
    public void on(CloudEvent event) {
        idempotent.handle("platform-test", event, e -> entityManager
                .createNativeQuery("INSERT INTO sample_effect (event_id, applied) VALUES (?1, 1)")
                .setParameter(1, e.getId()).executeUpdate());
    }

    @Transactional
    public long applied(String eventId) {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM sample_effect WHERE event_id = ?1")
                .setParameter(1, eventId).getSingleResult()).longValue();
    }
}
