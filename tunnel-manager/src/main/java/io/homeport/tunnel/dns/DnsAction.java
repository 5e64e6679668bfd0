package io.homeport.tunnel.dns;

/**
 * One step of a DNS plan. Creates and updates write a proxied CNAME carrying the owner marker's comment; the
 * plan never names a record Homeport does not own except in a {@link Conflict}.
 */
public sealed interface DnsAction {

    String name();

    record Create(String name, String content) implements DnsAction {
    }

    /** Repoint (and re-proxy) a record Homeport owns. */
    record Update(String id, String name, String content) implements DnsAction {
    }

    record Delete(String id, String name) implements DnsAction {
    }

    /** A desired name held by a record Homeport does not own; reported, not touched. */
    record Conflict(String name, String reason) implements DnsAction {
    }
}
