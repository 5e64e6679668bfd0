package io.homeport.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.homeport.events.alert.AlertRaised;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NtfyRendererTest {

    @Test
    void anAlertIsAPlainTextMessageWithTitlePriorityAndTags() {
        RenderedBody body = NtfyRenderer.render(RendererTestAlerts.hostLost());

        assertThat(body.contentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(new String(body.body(), StandardCharsets.UTF_8)).isEqualTo("""
                Host web-1 is lost: no heartbeat since 10:14:30

                host: web-1
                hostId: 7d1c
                lastHeartbeatAt: 2026-11-26T10:14:30Z""");
        assertThat(body.headers()).containsEntry("Title", "CRITICAL host-lost: host/7d1c")
                .containsEntry("Priority", "urgent")
                .containsEntry("Tags", "rotating_light,homeport,host-lost");
    }

    @Test
    void aWarningIsHighPriorityWithTheWarningTag() {
        RenderedBody body = NtfyRenderer.render(RendererTestAlerts.diskUsage());

        assertThat(body.headers()).containsEntry("Priority", "high")
                .containsEntry("Tags", "warning,homeport,disk-usage-high");
    }

    @Test
    void aTitleThatIsNotAsciiIsAnEncodedWordAndLineBreaksNeverReachAHeader() {
        AlertRaised alert = new AlertRaised("host-lost", "critical", "host/Zürich\r\nX-Evil: 1", "lost", Map.of(),
                null, RendererTestAlerts.AT);

        String title = NtfyRenderer.render(alert).headers().get("Title");

        assertThat(title).startsWith("=?UTF-8?B?").endsWith("?=").doesNotContain("\r", "\n");
        String decoded = new String(Base64.getDecoder().decode(title.substring(10, title.length() - 2)),
                StandardCharsets.UTF_8);
        assertThat(decoded).isEqualTo("CRITICAL host-lost: host/Zürich X-Evil: 1");
    }
}
