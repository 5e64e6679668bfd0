package io.homeport.api.hosts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a preflight found on a host. A failing preflight is a problem answer, not a view. */
@Schema(description = "The result of a successful preflight.")
public record PreflightView(
        @Schema(description = "the host key, SHA256:… as ssh-keygen -lf prints it") String hostKeyFingerprint,
        @Schema(description = "e.g. ssh-ed25519") String hostKeyType,
        @Schema(description = "true when this contact pinned the key (trust on first use)") boolean pinnedNow,
        @Schema(description = "e.g. Debian GNU/Linux 12 (bookworm)") String os,
        @Schema(description = "whether the user is root or may sudo without a password") boolean sudo) {
}
