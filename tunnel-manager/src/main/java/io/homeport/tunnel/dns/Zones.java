package io.homeport.tunnel.dns;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Which Cloudflare zone a hostname belongs to. */
public final class Zones {

    private Zones() {
    }

    /**
     * The longest zone name that is the hostname itself or a dot-separated suffix of it (so {@code a.b.example.com}
     * goes to {@code b.example.com} before {@code example.com}, and {@code badexample.com} never to
     * {@code example.com}); case-insensitive; empty when no zone holds it.
     */
    public static Optional<String> zoneFor(String hostname, Collection<String> zoneNames) {
        String host = normalize(hostname);
        return zoneNames.stream()
                .map(Zones::normalize)
                .filter(zone -> !zone.isEmpty() && (host.equals(zone) || host.endsWith("." + zone)))
                .max((a, b) -> Integer.compare(a.length(), b.length()));
    }

    public static String normalize(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
