package io.homeport.tunnel.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.Locale;

/**
 * What identifies an ingress rule: its hostname (lower-cased, DNS is case-insensitive) and its path exactly as
 * written ({@code ""} for none; cloudflared compares paths as regular expressions, so no other normalisation).
 */
public record RuleKey(String hostname, String path) implements Comparable<RuleKey> {

    private static final Comparator<RuleKey> ORDER = Comparator.comparing(RuleKey::hostname)
            .thenComparing(RuleKey::path);

    public RuleKey {
        hostname = hostname == null ? "" : hostname.strip().toLowerCase(Locale.ROOT);
        path = path == null ? "" : path;
    }

    /** The key of a rule as it stands in a tunnel configuration's {@code ingress} array. */
    public static RuleKey of(JsonNode rule) {
        return new RuleKey(rule.path("hostname").asText(""), rule.path("path").asText(""));
    }

    @Override
    public int compareTo(RuleKey other) {
        return ORDER.compare(this, other);
    }
}
