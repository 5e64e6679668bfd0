package io.homeport.gateway.webhook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.homeport.events.alert.AlertRaised;
import java.util.Map;

/**
 * An alert as a Slack incoming-webhook message: {@code text} (what notifications and clients without blocks show)
 * and Block Kit {@code blocks}: a header, the summary, the details as fields, and a context line. Within Slack's
 * limits: header text 150 characters, section text 3000, 10 fields of 2000 each. Text is escaped as Slack's
 * mrkdwn wants ({@code & < >}), so an alert cannot mention {@code @channel} or forge a link.
 */
public final class SlackRenderer {

    static final int HEADER_MAX = 150;
    static final int SECTION_MAX = 3000;
    static final int FIELDS_MAX = 10;
    static final int FIELD_MAX = 2000;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SlackRenderer() {
    }

    public static ObjectNode render(AlertRaised alert) {
        ObjectNode message = JSON.objectNode();
        String icon = AlertText.critical(alert) ? ":rotating_light:" : ":warning:";
        message.put("text", AlertText.cut(icon + " " + escape(AlertText.title(alert)) + ": "
                + escape(alert.summary()), SECTION_MAX));
        ArrayNode blocks = message.putArray("blocks");
        blocks.addObject().put("type", "header").set("text", text("plain_text",
                AlertText.cut(AlertText.title(alert), HEADER_MAX)));
        blocks.addObject().put("type", "section").set("text", text("mrkdwn",
                AlertText.cut(escape(alert.summary()), SECTION_MAX)));
        if (!alert.details().isEmpty()) {
            ArrayNode fields = blocks.addObject().put("type", "section").putArray("fields");
            alert.details().entrySet().stream().sorted(Map.Entry.comparingByKey()).limit(FIELDS_MAX)
                    .forEach(detail -> fields.add(text("mrkdwn", AlertText.cut(
                            "*" + escape(detail.getKey()) + "*\n" + escape(detail.getValue()), FIELD_MAX))));
        }
        blocks.addObject().put("type", "context").putArray("elements")
                .add(text("mrkdwn", AlertText.cut(escape(AlertText.footer(alert)), SECTION_MAX)));
        return message;
    }

    private static ObjectNode text(String type, String text) {
        return JSON.objectNode().put("type", type).put("text", text);
    }

    /** Slack's mrkdwn control characters (https://api.slack.com/reference/surfaces/formatting#escaping). */
    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
