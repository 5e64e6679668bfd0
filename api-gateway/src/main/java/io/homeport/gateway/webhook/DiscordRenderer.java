package io.homeport.gateway.webhook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.homeport.events.alert.AlertRaised;
import java.util.Map;

/**
 * An alert as a Discord webhook message: one line of {@code content} and one embed (title, summary, the details as
 * inline fields, the time, a footer, red for critical and orange for warnings). Within Discord's limits: content 2000
 * characters; embed title 256, description 4096, 25 fields (name 256, value 1024), footer 2048, and 6000 in all.
 * {@code allowed_mentions} is empty, so no text in an alert pings {@code @everyone} or anyone else.
 */
public final class DiscordRenderer {

    static final int CONTENT_MAX = 2000;
    static final int TITLE_MAX = 256;
    static final int DESCRIPTION_MAX = 4096;
    static final int FIELDS_MAX = 25;
    static final int FIELD_NAME_MAX = 256;
    static final int FIELD_VALUE_MAX = 1024;
    static final int FOOTER_MAX = 2048;
    static final int EMBED_TOTAL_MAX = 6000;
    static final int RED = 0xED4245;
    static final int ORANGE = 0xFFA500;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private DiscordRenderer() {
    }

    public static ObjectNode render(AlertRaised alert) {
        ObjectNode message = JSON.objectNode();
        String icon = AlertText.critical(alert) ? "🚨" : "⚠️";
        message.put("content", AlertText.cut(icon + " " + AlertText.title(alert), CONTENT_MAX));
        ObjectNode embed = message.putArray("embeds").addObject();
        String title = AlertText.cut(alert.rule(), TITLE_MAX);
        embed.put("title", title);
        embed.put("color", AlertText.critical(alert) ? RED : ORANGE);
        if (alert.at() != null) {
            embed.put("timestamp", alert.at().toString());
        }
        // the embed's 6000 characters go to the title, the summary, the footer, then the details, in that order
        String description = AlertText.cut(alert.summary(),
                Math.min(DESCRIPTION_MAX, EMBED_TOTAL_MAX - title.length()));
        embed.put("description", description);
        int budget = EMBED_TOTAL_MAX - title.length() - description.length();
        String footer = AlertText.cut(AlertText.footer(alert), Math.min(FOOTER_MAX, budget));
        budget -= footer.length();
        ArrayNode fields = JSON.arrayNode();
        for (Map.Entry<String, String> detail : alert.details().entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).limit(FIELDS_MAX).toList()) {
            String name = AlertText.cut(detail.getKey(), FIELD_NAME_MAX);
            String value = AlertText.cut(detail.getValue().isEmpty() ? "-" : detail.getValue(), FIELD_VALUE_MAX);
            if (name.length() + value.length() > budget) {
                break; // the embed's 6000 characters are used up
            }
            budget -= name.length() + value.length();
            fields.addObject().put("name", name).put("value", value).put("inline", true);
        }
        if (!fields.isEmpty()) {
            embed.set("fields", fields);
        }
        if (!footer.isEmpty()) {
            embed.putObject("footer").put("text", footer);
        }
        message.putObject("allowed_mentions").putArray("parse");
        return message;
    }
}
