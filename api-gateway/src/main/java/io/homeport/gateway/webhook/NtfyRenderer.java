package io.homeport.gateway.webhook;

import io.homeport.events.alert.AlertRaised;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An alert as an ntfy notification: the message as a plain-text body POSTed to the topic URL, with the {@code Title},
 * {@code Priority} ({@code urgent} for critical, {@code high} for warnings) and {@code Tags} (an emoji short code, then
 * {@code homeport} and the rule) headers of https://docs.ntfy.sh/publish/. A title that is not ASCII is sent as an
 * RFC 2047 encoded word, which ntfy decodes.
 */
public final class NtfyRenderer {

    private NtfyRenderer() {
    }

    public static RenderedBody render(AlertRaised alert) {
        String details = alert.details().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(detail -> detail.getKey() + ": " + detail.getValue()).collect(Collectors.joining("\n"));
        String body = alert.summary() + (details.isEmpty() ? "" : "\n\n" + details);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Title", header(AlertText.title(alert)));
        headers.put("Priority", AlertText.critical(alert) ? "urgent" : "high");
        headers.put("Tags", (AlertText.critical(alert) ? "rotating_light" : "warning") + ",homeport,"
                + header(alert.rule()).replace(",", ""));
        return new RenderedBody("text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** One header line: no line breaks; non-ASCII as an RFC 2047 encoded word. */
    static String header(String text) {
        String line = AlertText.cut(text.replaceAll("[\\r\\n\\t]+", " "), 250);
        if (line.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return line;
        }
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(line.getBytes(StandardCharsets.UTF_8)) + "?=";
    }
}
