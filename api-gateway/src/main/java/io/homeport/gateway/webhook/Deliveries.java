package io.homeport.gateway.webhook;

import io.homeport.api.webhooks.DeliveryState;
import io.homeport.api.webhooks.DeliveryView;
import io.homeport.gateway.event.EventLog;
import io.homeport.gateway.event.LoggedEvent;
import io.homeport.platform.problem.ProblemException;
import io.homeport.platform.problem.ProblemType;
import io.homeport.platform.retry.Backoff;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The delivery log and queue, in PostgreSQL so that every replica shares it: each logged event that matches a
 * webhook becomes a PENDING delivery in the same transaction; replicas claim due deliveries with {@code SKIP LOCKED}
 * and hold each for a lease while they send it; a failure is retried with exponential backoff until the last
 * attempt, after which the delivery is DEAD and stays in the log.
 */
@ApplicationScoped
public class Deliveries {

    private static final Logger LOG = Logger.getLogger(Deliveries.class);

    private final EntityManager entities;
    private final EventLog log;
    private final WebhookSecrets secrets;
    private final WebhookConfig config;

    Deliveries(EntityManager entities, EventLog log, WebhookSecrets secrets, WebhookConfig config) {
        this.entities = entities;
        this.log = log;
        this.secrets = secrets;
        this.config = config;
    }

    /** What one attempt needs: where, how, signed with what, and the event. */
    public record Attempt(UUID deliveryId, UUID webhookId, URI url, WebhookFormat format, String secret,
            LoggedEvent event) {

        /** Never print the secret. */
        @Override
        public String toString() {
            return "Attempt[delivery=" + deliveryId + ", webhook=" + webhookId + ", event=" + event.id() + "]";
        }
    }

    /** How an attempt ended: a 2xx status, or the status (if any) and why it failed. */
    public record Outcome(Integer status, String error) {

        public boolean delivered() {
            return error == null;
        }
    }

    /** A new event in the log: one delivery per webhook that wants it (runs in the append's transaction). */
    void onLogged(@Observes LoggedEvent event) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (Webhook webhook : Webhook.<Webhook>listAll()) {
            if (!webhook.format.carries(event.type())
                    || !Webhooks.filter(webhook.types, webhook.subjects).matches(event.type(), event.subject())) {
                continue;
            }
            WebhookDelivery delivery = new WebhookDelivery();
            delivery.id = UUID.randomUUID();
            delivery.webhookId = webhook.id;
            delivery.eventSeq = event.seq();
            delivery.eventId = event.id();
            delivery.eventType = event.type();
            delivery.state = DeliveryState.PENDING;
            delivery.nextAttemptAt = now;
            delivery.createdAt = now;
            delivery.persist();
        }
    }

    /** Claims up to {@code limit} due deliveries for this replica, each for a lease long enough to send it. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<UUID> claim(int limit) {
        Instant now = Instant.now();
        Duration lease = config.timeout().multipliedBy(2).plusSeconds(30);
        return entities.createNativeQuery("""
                UPDATE webhook_delivery SET claimed_until = :until
                WHERE id IN (SELECT id FROM webhook_delivery
                             WHERE state = 'PENDING' AND next_attempt_at <= :now
                               AND (claimed_until IS NULL OR claimed_until < :now)
                             ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING id""", UUID.class).setParameter("until", now.plus(lease)).setParameter("now", now)
                .setParameter("limit", limit).getResultList();
    }

    /** What a claimed delivery's attempt needs; empty when it is gone (its webhook or event was deleted). */
    @Transactional
    public Optional<Attempt> attempt(UUID deliveryId) {
        WebhookDelivery delivery = WebhookDelivery.findById(deliveryId);
        if (delivery == null) {
            return Optional.empty();
        }
        Webhook webhook = Webhook.findById(delivery.webhookId);
        Optional<LoggedEvent> event = log.bySeq(delivery.eventSeq);
        if (webhook == null || event.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Attempt(delivery.id, webhook.id, URI.create(webhook.url), webhook.format,
                secrets.decrypt(webhook), event.get()));
    }

    /** Records an attempt: DELIVERED, or due again after a backoff, or DEAD after the last attempt. */
    @Transactional
    public void finished(UUID deliveryId, Outcome outcome) {
        WebhookDelivery delivery = WebhookDelivery.findById(deliveryId, LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null || delivery.state != DeliveryState.PENDING) {
            return;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        delivery.attempts++;
        delivery.lastAttemptAt = now;
        delivery.lastStatus = outcome.status();
        delivery.lastError = outcome.error();
        delivery.claimedUntil = null;
        if (outcome.delivered()) {
            delivery.state = DeliveryState.DELIVERED;
            delivery.nextAttemptAt = null;
        } else if (delivery.attempts >= config.maxAttempts()) {
            delivery.state = DeliveryState.DEAD;
            delivery.nextAttemptAt = null;
            LOG.warnf("Webhook %s: delivery %s of event %s is dead after %d attempts (last: %s)", delivery.webhookId,
                    delivery.id, delivery.eventId, delivery.attempts, outcome.error());
        } else {
            delivery.nextAttemptAt = now.plus(Backoff.after(delivery.attempts, config.backoffBase(),
                    config.backoffCap()));
        }
    }

    /** Requeues a DEAD delivery for a fresh series of attempts. */
    @Transactional
    public DeliveryView retry(UUID webhookId, UUID deliveryId) {
        Webhooks.existing(webhookId);
        WebhookDelivery delivery = WebhookDelivery.<WebhookDelivery>findByIdOptional(deliveryId,
                LockModeType.PESSIMISTIC_WRITE).filter(d -> d.webhookId.equals(webhookId))
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                        "Webhook " + webhookId + " has no delivery " + deliveryId));
        if (delivery.state != DeliveryState.DEAD) {
            throw new ProblemException(ProblemType.CONFLICT, "Delivery " + deliveryId + " is " + delivery.state
                    + ": only a DEAD delivery can be retried");
        }
        delivery.state = DeliveryState.PENDING;
        delivery.attempts = 0;
        delivery.nextAttemptAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        LOG.infof("Webhook %s: dead delivery %s requeued", webhookId, deliveryId);
        return delivery.view();
    }

    /** The delivery log of a webhook, newest first. */
    @Transactional
    public List<DeliveryView> list(UUID webhookId, DeliveryState state, int limit) {
        Webhooks.existing(webhookId);
        Sort newestFirst = Sort.descending("createdAt", "eventSeq");
        var query = state == null
                ? WebhookDelivery.<WebhookDelivery>find("webhookId", newestFirst, webhookId)
                : WebhookDelivery.<WebhookDelivery>find("webhookId = :webhook and state = :state", newestFirst,
                        Parameters.with("webhook", webhookId).and("state", state));
        return query.page(Page.ofSize(limit)).list().stream().map(WebhookDelivery::view).toList();
    }
}
