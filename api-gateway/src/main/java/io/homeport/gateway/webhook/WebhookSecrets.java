package io.homeport.gateway.webhook;

import io.homeport.platform.secret.MasterKey;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Webhook signing secrets at rest: encrypted with the master key, bound to their webhook by the context
 * {@code webhook:<id>} (a ciphertext copied to another webhook does not open).
 */
@ApplicationScoped
@Startup
public class WebhookSecrets {

    private final MasterKey master;

    /** Checks the master key at start: a gateway that cannot keep webhook secrets says so before it is used. */
    WebhookSecrets(MasterKey master) {
        master.check();
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
