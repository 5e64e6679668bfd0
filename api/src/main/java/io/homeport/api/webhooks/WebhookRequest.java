package io.homeport.api.webhooks;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /api/v1/webhooks}.
 *
 * @param url      where events are POSTed: an http(s) URL (for ntfy, the topic URL)
 * @param types    exact event types, or prefixes ending in {@code .}; empty: every type (for slack, discord and ntfy:
 *                 every alert, the only events those formats carry)
 * @param subjects exact subjects; empty: every subject
 * @param format   {@code cloudevents} (default): the CloudEvent as JSON; {@code slack}, {@code discord}, {@code ntfy}:
 *                 alerts rendered for that service
 * @param secret   the HMAC-SHA256 signing secret (16 to 256 characters); left out, one is generated and shown once.
 *                 Never shown again, never logged
 */
@Schema(description = "A webhook subscription.")
public record WebhookRequest(
        @Schema(required = true, examples = "https://hooks.example.com/homeport")
        @NotBlank(message = "is required") @Size(max = 2048, message = "must be at most 2048 characters") String url,
        @Size(max = 50, message = "must hold at most 50 filters") List<String> types,
        @Size(max = 50, message = "must hold at most 50 subjects") List<String> subjects,
        @Pattern(regexp = "cloudevents|slack|discord|ntfy", message = "must be one of cloudevents, slack, discord, ntfy")
        String format,
        @Size(min = 16, max = 256, message = "must be between 16 and 256 characters") String secret) {

    public WebhookRequest {
        types = types == null ? List.of() : types;
        subjects = subjects == null ? List.of() : subjects;
        format = format == null ? "cloudevents" : format;
    }

    /** Never print the secret. */
    @Override
    public String toString() {
        return "WebhookRequest[url=" + url + ", types=" + types + ", subjects=" + subjects + ", format=" + format
                + ", secret=" + (secret == null ? "null" : "***") + "]";
    }
}
