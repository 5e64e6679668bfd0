package io.homeport.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String OPENSSL = "8f47f8e3fd89f18a426def015cd88dadc6155d9d735057c6f8a91ed73f321873";

    /** The value `printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac s3cr3t-s3cr3t-s3cr3t` prints. */
    @Test
    void signsTheTimestampDotBodyWithHmacSha256() {
        String signature = WebhookSignature.sign("s3cr3t-s3cr3t-s3cr3t", 1_700_000_000L,
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8));

        assertThat(signature).isEqualTo("sha256=" + OPENSSL);
    }

    @Test
    void anotherSecretTimestampOrBodyGivesAnotherSignature() {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        String signature = WebhookSignature.sign("s3cr3t-s3cr3t-s3cr3t", 1_700_000_000L, body);

        assertThat(WebhookSignature.sign("s3cr3t-s3cr3t-s3cr3X", 1_700_000_000L, body)).isNotEqualTo(signature);
        assertThat(WebhookSignature.sign("s3cr3t-s3cr3t-s3cr3t", 1_700_000_001L, body)).isNotEqualTo(signature);
        assertThat(WebhookSignature.sign("s3cr3t-s3cr3t-s3cr3t", 1_700_000_000L,
                "{\"a\":2}".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(signature);
    }

}
