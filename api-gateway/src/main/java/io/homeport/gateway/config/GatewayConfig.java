package io.homeport.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** The gateway's own settings ({@code homeport.gateway.*}). */
@ConfigMapping(prefix = "homeport.gateway")
public interface GatewayConfig {

    /**
     * The URL users reach the gateway at, when a proxy sits in front of it; {@code Location} headers use it.
     * Without it they use the address the request came to.
     */
    Optional<URI> publicUrl();

    // --- API tokens, request limits, rate limiting (issue 8) ---

    ApiTokens apiTokens();

    Limits limits();

    RateLimit rateLimit();

    /** {@code homeport.gateway.api-tokens.*}: how long an API token lives. */
    interface ApiTokens {

        /** When a creation request names no {@code validFor}. */
        @WithDefault("P30D")
        Duration defaultValidity();

        /** The longest {@code validFor} accepted. */
        @WithDefault("P365D")
        Duration maxValidity();
    }

    /**
     * {@code homeport.gateway.limits.*}: request line and header limits answered with a problem (the body limit is
     * Quarkus's).
     */
    interface Limits {

        /**
         * Request headers larger than this (names and values together) get 431 problem+json. Keep it below
         * {@code quarkus.http.limits.max-header-size}, past which Vert.x itself refuses the request without a body.
         */
        @WithDefault("16K")
        MemorySize maxHeaderSize();

        /**
         * Request lines (method, path and query) longer than this get 414 problem+json. Keep it below
         * {@code quarkus.http.limits.max-initial-line-length}, past which Vert.x itself refuses the request without a
         * body.
         */
        @WithDefault("4096")
        int maxRequestLine();
    }

    /** {@code homeport.gateway.rate-limit.*}: a token bucket per caller, held in memory by each replica. */
    interface RateLimit {

        @WithDefault("true")
        boolean enabled();

        /** Requests per second a caller may make on average. */
        @WithDefault("20")
        int rate();

        /** Requests a caller may make at once after a pause. */
        @WithDefault("40")
        int burst();
    }
}
