package io.homeport.tunnel.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;

/** The tunnel-manager's own settings ({@code homeport.tunnel.*}). */
@ConfigMapping(prefix = "homeport.tunnel")
public interface TunnelConfig {

    /** Base of the Cloudflare API v4; a local stand-in in tests. */
    @WithDefault("https://api.cloudflare.com/client/v4")
    URI cloudflareApiUrl();
}
