package io.homeport.api.hosts;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A host as the inventory shows it. Never carries credentials. */
@Schema(description = "A host of the inventory.")
public record HostView(UUID id, String name, String address, int port, String user, Map<String, String> labels,
        @Schema(description = "NEW, PROVISIONING, READY, LOST, DECOMMISSIONED or REPLACED") String state,
        @Schema(description = "REGISTERED through the API, or ADOPTED (installed by hand, agent enrolled)")
        String origin,
        Instant registeredAt,
        @Schema(description = "how the provisioner logs in: KEY (stored, encrypted), REFERENCE (a key file) or NONE")
        String sshKey,
        @Schema(description = "the pinned SSH host key, SHA256:…; null until first contact unless given")
        String hostKeyFingerprint,
        @Schema(description = "the operating system preflight found, e.g. Debian GNU/Linux 12 (bookworm)")
        String os,
        @Schema(description = "UNKNOWN (no heartbeat yet), ONLINE, SUSPECT or LOST, from the agent's heartbeats")
        String liveness,
        Instant lastHeartbeatAt) {
}
