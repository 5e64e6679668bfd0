package io.homeport.tunnel.cloudflare;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A DNS record to create, or the fields to change on one (null fields are left as they are on an update).
 * {@code ttl} 1 means automatic, which proxied records always have.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DnsRecordRequest(String type, String name, String content, Boolean proxied, Long ttl, String comment) {

    /** A proxied CNAME of {@code hostname} to a tunnel: how a public hostname reaches {@code <tunnel id>.cfargotunnel.com}. */
    public static DnsRecordRequest tunnelCname(String hostname, String tunnelId, String comment) {
        return new DnsRecordRequest("CNAME", hostname, tunnelId + ".cfargotunnel.com", true, 1L, comment);
    }
}
