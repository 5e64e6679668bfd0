package io.homeport.tunnel.cloudflare;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/** A DNS record of a zone as Cloudflare holds it; {@code ttl} 1 means automatic. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DnsRecord(String id, String type, String name, String content, boolean proxied, long ttl,
        String comment, Instant createdOn, Instant modifiedOn) {
}
