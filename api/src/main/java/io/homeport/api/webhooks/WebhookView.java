package io.homeport.api.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A webhook subscription. {@code secret} is present only in the answer to a creation that generated it: it is
 * stored encrypted and never shown again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookView(UUID id, String url, List<String> types, List<String> subjects, String format,
        String secret, String createdBy, Instant createdAt) {

    /** Never print the secret. */
    @Override
    public String toString() {
        return "WebhookView[id=" + id + ", url=" + url + ", format=" + format + "]";
    }
}
