package io.homeport.gateway.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Webhook deliveries ({@code homeport.gateway.webhooks.*}). */
@ConfigMapping(prefix = "homeport.gateway.webhooks")
public interface WebhookConfig {

    /** How often due deliveries are looked for (read by the scheduler; listed here so it is documented). */
    @WithDefault("1s")
    Duration pollInterval();

    /** How long one attempt may take (connect and answer) before it counts as failed. */
    @WithDefault("10s")
    Duration timeout();

    /** Attempts before a delivery is DEAD. */
    @WithDefault("8")
    int maxAttempts();

    /** The wait after the first failed attempt; it doubles with every further failure... */
    @WithDefault("30s")
    Duration backoffBase();

    /** ...up to this. */
    @WithDefault("1h")
    Duration backoffCap();

    /** Deliveries one replica claims per poll (sent concurrently). */
    @WithDefault("50")
    int batchSize();
}
