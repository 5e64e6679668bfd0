package io.homeport.api.webhooks;

import java.time.Instant;
import java.util.UUID;

/**
 * One event's delivery to one webhook.
 *
 * @param attempts      attempts made so far (reset to 0 when a dead delivery is retried)
 * @param lastStatus    the HTTP status of the last attempt, or null when it got none (refused, timed out)
 * @param lastError     why the last attempt failed, or null
 * @param nextAttemptAt when it is tried next (PENDING only)
 */
public record DeliveryView(UUID id, UUID webhookId, long eventSeq, String eventId, String eventType,
        DeliveryState state, int attempts, Integer lastStatus, String lastError, Instant lastAttemptAt,
        Instant nextAttemptAt, Instant createdAt) {
}
