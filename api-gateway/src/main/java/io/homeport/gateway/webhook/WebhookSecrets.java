package io.homeport.gateway.webhook;

import io.homeport.platform.secret.MasterKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Webhook signing secrets at rest: encrypted with the master key, bound to their webhook by the context
 * {@code webhook:<id>} (a ciphertext copied to another webhook does not open).
 */
@ApplicationScoped
public class WebhookSecrets {

    private final MasterKey master;

    WebhookSecrets(MasterKey master) {
        this.master = master;
    }

    public byte[] encrypt(UUID webhook, String secret) {
        return master.encrypt(secret, context(webhook));
    }

    public String decrypt(Webhook webhook) {
        return master.decrypt(webhook.secret, context(webhook.id));
    }

    private static String context(UUID webhook) {
        return "webhook:" + webhook;
    }
}
