package io.homeport.gateway.webhook;

import io.homeport.events.alert.AlertRaised;
import java.time.Instant;
import java.util.Map;

/** Alerts the renderer tests share. */
final class RendererTestAlerts {

    static final Instant AT = Instant.parse("2026-11-26T10:15:30Z");

    static AlertRaised hostLost() {
        return new AlertRaised("host-lost", "critical", "host/7d1c", "Host web-1 is lost: no heartbeat since 10:14:30",
                Map.of("hostId", "7d1c", "host", "web-1", "lastHeartbeatAt", "2026-11-26T10:14:30Z"), "e-1", AT);
    }

    static AlertRaised diskUsage() {
        return new AlertRaised("disk-usage-high", "warning", "host/7d1c", "Disk / on web-1 is 93 % full",
                Map.of("usedPercent", "93"), null, AT);
    }

    private RendererTestAlerts() {
    }
}
