package io.homeport.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.homeport.events.alert.AlertRaised;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiscordRendererTest {

    @Test
    void anAlertIsContentAndOneEmbedWithFieldsAndNoMentions() {
        ObjectNode message = DiscordRenderer.render(RendererTestAlerts.hostLost());

        assertThat(message.get("content").asText()).isEqualTo("🚨 CRITICAL host-lost: host/7d1c");
        JsonNode embed = message.get("embeds").get(0);
        assertThat(message.get("embeds")).hasSize(1);
        assertThat(embed.get("title").asText()).isEqualTo("host-lost");
        assertThat(embed.get("description").asText()).isEqualTo("Host web-1 is lost: no heartbeat since 10:14:30");
        assertThat(embed.get("color").asInt()).isEqualTo(DiscordRenderer.RED);
        assertThat(embed.get("timestamp").asText()).isEqualTo("2026-11-26T10:15:30Z");
        assertThat(embed.get("fields")).hasSize(3);
        assertThat(embed.get("fields").get(0).get("name").asText()).isEqualTo("host");
        assertThat(embed.get("fields").get(0).get("value").asText()).isEqualTo("web-1");
        assertThat(embed.get("fields").get(0).get("inline").asBoolean()).isTrue();
        assertThat(embed.at("/footer/text").asText()).contains("host-lost");
        assertThat(message.at("/allowed_mentions/parse")).isEmpty();
        assertThat(message.at("/allowed_mentions/parse").isArray()).isTrue();
    }

    @Test
    void aWarningIsOrange() {
        assertThat(DiscordRenderer.render(RendererTestAlerts.diskUsage()).at("/embeds/0/color").asInt())
                .isEqualTo(DiscordRenderer.ORANGE);
    }

    @Test
    void everyLimitHoldsForAHugeAlert() {
        Map<String, String> details = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            details.put("key-" + i + "-" + "n".repeat(300), "v".repeat(2000));
        }
        AlertRaised huge = new AlertRaised("r".repeat(400), "critical", "s".repeat(3000), "d".repeat(10_000),
                details, null, RendererTestAlerts.AT);

        ObjectNode message = DiscordRenderer.render(huge);

        assertThat(message.get("content").asText()).hasSizeLessThanOrEqualTo(DiscordRenderer.CONTENT_MAX);
        JsonNode embed = message.get("embeds").get(0);
        assertThat(embed.get("title").asText()).hasSizeLessThanOrEqualTo(DiscordRenderer.TITLE_MAX);
        assertThat(embed.get("description").asText()).hasSizeLessThanOrEqualTo(DiscordRenderer.DESCRIPTION_MAX);
        assertThat(embed.at("/footer/text").asText()).hasSizeLessThanOrEqualTo(DiscordRenderer.FOOTER_MAX);
        int total = embed.get("title").asText().length() + embed.get("description").asText().length()
                + embed.at("/footer/text").asText().length();
        JsonNode fields = embed.path("fields");
        assertThat(fields.size()).isLessThanOrEqualTo(DiscordRenderer.FIELDS_MAX);
        for (JsonNode field : fields) {
            assertThat(field.get("name").asText()).hasSizeLessThanOrEqualTo(DiscordRenderer.FIELD_NAME_MAX);
            assertThat(field.get("value").asText()).hasSizeLessThanOrEqualTo(DiscordRenderer.FIELD_VALUE_MAX);
            total += field.get("name").asText().length() + field.get("value").asText().length();
        }
        assertThat(total).isLessThanOrEqualTo(DiscordRenderer.EMBED_TOTAL_MAX);
    }
}
