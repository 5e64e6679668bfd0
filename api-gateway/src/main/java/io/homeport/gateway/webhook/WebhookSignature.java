package io.homeport.gateway.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Homeport-Signature: sha256=<hex>}: HMAC-SHA256 with the webhook's secret over
 * {@code "<X-Homeport-Timestamp>.<body>"}. Signing the timestamp with the body lets a receiver refuse replays of an old
 * request (compare it with its clock), as Stripe and Slack do.
 */
public final class WebhookSignature {

    public static final String EVENT_ID = "X-Homeport-Event-Id";
    public static final String TIMESTAMP = "X-Homeport-Timestamp";
    public static final String SIGNATURE = "X-Homeport-Signature";

    private WebhookSignature() {
    }

    /** @param timestamp Unix seconds, as sent in {@code X-Homeport-Timestamp} */
    public static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
