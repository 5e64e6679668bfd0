package io.homeport.gateway.webhook;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Sends due webhook deliveries: claims a batch ({@link Deliveries#claim}, safe with several replicas), sends them
 * concurrently, each within the timeout, and records how each ended.
 */
@ApplicationScoped
public class DeliveryScheduler {

    private final Deliveries deliveries;
    private final WebhookSender sender;
    private final WebhookConfig config;

    DeliveryScheduler(Deliveries deliveries, WebhookSender sender, WebhookConfig config) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.config = config;
    }

    @Scheduled(every = "${homeport.gateway.webhooks.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void pass() {
        List<Map.Entry<UUID, CompletableFuture<Deliveries.Outcome>>> sending = new ArrayList<>();
        for (UUID id : deliveries.claim(config.batchSize())) {
            deliveries.attempt(id).ifPresent(attempt -> sending.add(Map.entry(id, sender.send(attempt))));
        }
        for (Map.Entry<UUID, CompletableFuture<Deliveries.Outcome>> send : sending) {
            deliveries.finished(send.getKey(), send.getValue().join());
        }
    }
}
