package io.homeport.api.hosts;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * "{@code app} moved from {@code from} to {@code to} at {@code at} because {@code reason}", as a host's view lists it.
 * {@code state} is {@code moving} until the app's replicas belong to the new host (then {@code at} is when they did),
 * {@code moved} after.
 */
@Schema(description = "An app that moved off or onto the host.")
public record HostMoveView(String app, UUID from, UUID to, Instant at,
        @Schema(description = "host-lost or evacuated") String reason,
        @Schema(description = "moving or moved") String state, UUID deploymentId) {
}
