package io.homeport.tunnel.dns;

/** A DNS record as the zone holds it; the integrator maps the Cloudflare client's record to this. */
public record ExistingRecord(String id, String type, String name, String content, boolean proxied, String comment) {
}
