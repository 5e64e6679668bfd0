package io.homeport.tunnel.cloudflare;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A DNS zone (domain) of the account, e.g. {@code example.org}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Zone(String id, String name, String status) {
}
