package io.homeport.tunnel.cloudflare;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Instant;

/**
 * A remotely managed tunnel's configuration as Cloudflare keeps it. {@code config} ({@code ingress} rules,
 * {@code originRequest}, {@code warp-routing}, …) stays a JSON tree, so that rules and fields Homeport does not know
 * go back exactly as they came; it is JSON null before the first PUT. {@code version} grows with every change,
 * from Homeport or from the dashboard.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TunnelConfiguration(String tunnelId, long version, JsonNode config, String source, Instant createdAt) {

    /** The ingress rules, in order; a missing node when there are none. */
    public JsonNode ingress() {
        return config == null ? MissingNode.getInstance() : config.path("ingress");
    }
}
