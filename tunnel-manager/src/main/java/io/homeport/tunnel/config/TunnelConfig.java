package io.homeport.tunnel.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
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

    /** How long a stopped container's routes stay before they are removed; a restart within it keeps them. */
    @WithDefault("PT10M")
    Duration gracePeriod();

    /** How long a tunnel waits after a change for more before its configuration is written: a burst, one write. */
    @WithDefault("PT2S")
    Duration debounce();

    /** How often every tunnel and its DNS records are compared with what Homeport wants, to repair drift. */
    @WithDefault("PT5M")
    Duration driftInterval();

    /**
     * The label prefix DockFlare is configured with ({@code dockflare.} by default); {@code homeport.expose.} and
     * the legacy {@code cloudflare.tunnel.} are read too.
     */
    @WithDefault("dockflare.")
    String labelPrefix();

    /**
     * The name of this Homeport installation in the comment marking the DNS records it owns
     * ({@code homeport:managed owner=<owner>}); two installations sharing a zone need different ones.
     */
    @WithDefault("homeport")
    String owner();

    /**
     * Whether each host's cloudflared connector is placed through the deployer; off where connectors are run some
     * other way (and in the tunnel-manager's own tests, where no deployer runs).
     */
    @WithDefault("true")
    boolean manageConnectors();

    /** The cloudflared image each host's connector runs (pinned: {@code --no-autoupdate}, Homeport updates it). */
    @WithDefault("cloudflare/cloudflared:2025.11.1")
    String connectorImage();

    /** The Docker network each host's connector joins, created by the host's agent when missing. */
    @WithDefault("homeport-tunnel")
    String connectorNetwork();
}
