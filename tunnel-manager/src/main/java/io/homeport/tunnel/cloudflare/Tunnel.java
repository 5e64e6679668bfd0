package io.homeport.tunnel.cloudflare;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * A Cloudflare Tunnel ({@code cfd_tunnel}). {@code remoteConfig} is true when its ingress is configured through the
 * API ({@code config_src: cloudflare}) rather than a local file; {@code status} is inactive, degraded, healthy or
 * down.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Tunnel(String id, String name, String accountTag, Instant createdAt, Instant deletedAt, String status,
        boolean remoteConfig) {

    public boolean deleted() {
        return deletedAt != null;
    }
}
