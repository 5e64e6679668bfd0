package io.homeport.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.homeport.events.alert.AlertRaised;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlackRendererTest {

    @Test
    void anAlertIsTextWithHeaderSummaryDetailsAndContextBlocks() {
        ObjectNode message = SlackRenderer.render(RendererTestAlerts.hostLost());

        assertThat(message.get("text").asText()).isEqualTo(":rotating_light: CRITICAL host-lost: host/7d1c: "
                + "Host web-1 is lost: no heartbeat since 10:14:30");
        JsonNode blocks = message.get("blocks");
        assertThat(blocks).hasSize(4);
        assertThat(blocks.get(0).get("type").asText()).isEqualTo("header");
        assertThat(blocks.get(0).at("/text/type").asText()).isEqualTo("plain_text");
        assertThat(blocks.get(0).at("/text/text").asText()).isEqualTo("CRITICAL host-lost: host/7d1c");
        assertThat(blocks.get(1).at("/text/type").asText()).isEqualTo("mrkdwn");
        assertThat(blocks.get(1).at("/text/text").asText()).startsWith("Host web-1 is lost");
        assertThat(blocks.get(2).get("fields")).hasSize(3);
        assertThat(blocks.get(2).get("fields").get(0).get("text").asText()).isEqualTo("*host*\nweb-1");
        assertThat(blocks.get(3).get("type").asText()).isEqualTo("context");
        assertThat(blocks.get(3).at("/elements/0/text").asText()).contains("2026-11-26T10:15:30Z");
    }

    @Test
    void aWarningHasItsOwnIconAndNoDetailsMeansNoFieldsBlock() {
        AlertRaised bare = new AlertRaised("backup-failed", "warning", "volume/web/data", "Backup failed",
                Map.of(), null, RendererTestAlerts.AT);

        ObjectNode message = SlackRenderer.render(bare);

        assertThat(message.get("text").asText()).startsWith(":warning: WARNING backup-failed");
        assertThat(message.get("blocks")).hasSize(3);
    }

    @Test
    void controlCharactersAreEscapedAndLimitsKept() {
        Map<String, String> details = new HashMap<>();
        for (int i = 0; i < 15; i++) {
            details.put("k" + i, "v".repeat(3000));
        }
        AlertRaised loud = new AlertRaised("r", "critical", "s" + "x".repeat(200),
                "<!channel> & <https://evil.example|click> " + "y".repeat(5000), details, null, RendererTestAlerts.AT);

        ObjectNode message = SlackRenderer.render(loud);

        assertThat(message.get("text").asText()).doesNotContain("<!channel>").contains("&lt;!channel&gt; &amp; ")
                .hasSizeLessThanOrEqualTo(SlackRenderer.SECTION_MAX);
        JsonNode blocks = message.get("blocks");
        assertThat(blocks.get(0).at("/text/text").asText()).hasSizeLessThanOrEqualTo(SlackRenderer.HEADER_MAX);
        assertThat(blocks.get(1).at("/text/text").asText()).hasSizeLessThanOrEqualTo(SlackRenderer.SECTION_MAX);
        assertThat(blocks.get(2).get("fields")).hasSize(SlackRenderer.FIELDS_MAX);
        blocks.get(2).get("fields").forEach(field ->
                assertThat(field.get("text").asText()).hasSizeLessThanOrEqualTo(SlackRenderer.FIELD_MAX));
    }
}
