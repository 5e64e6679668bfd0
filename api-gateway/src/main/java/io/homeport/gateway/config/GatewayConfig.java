package io.homeport.gateway.config;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.util.Optional;

/** The gateway's own settings ({@code homeport.gateway.*}). */
@ConfigMapping(prefix = "homeport.gateway")
public interface GatewayConfig {

    /**
     * The URL users reach the gateway at, when a proxy sits in front of it; {@code Location} headers use it.
     * Without it they use the address the request came to.
     */
    Optional<URI> publicUrl();
}
