package io.homeport.tunnel.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.util.Optional;

/** The tunnel-manager's own settings ({@code homeport.tunnel.*}). */
@ConfigMapping(prefix = "homeport.tunnel")
public interface TunnelConfig {

    /** Base of the Cloudflare API v4; a local stand-in in tests. */
    @WithDefault("https://api.cloudflare.com/client/v4")
    URI cloudflareApiUrl();

    /**
     * A Cloudflare API token (sent as Bearer token) with Cloudflare Tunnel and Access edit rights on the account and
     * DNS edit rights on its zones. A secret: never logged. Without it Cloudflare is not used.
     */
    Optional<String> cloudflareApiToken();

    /** The Cloudflare account the tunnels and Access applications belong to. */
    Optional<String> cloudflareAccountId();

    /** The cloudflared image each host's connector runs (pinned: {@code --no-autoupdate}, Homeport updates it). */
    @WithDefault("cloudflare/cloudflared:2025.11.1")
    String connectorImage();

    /** The Docker network each host's connector joins, created by the host's agent when missing. */
    @WithDefault("homeport-tunnel")
    String connectorNetwork();
}
