package io.homeport.tunnel.label;

import java.util.Optional;
import java.util.regex.Pattern;

/** DockFlare's hostname rule ({@code is_valid_hostname}), with the one tightening Homeport needs: a zone. */
final class DnsNames {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    private DnsNames() {
    }

    /**
     * Why {@code name} (already lower-cased) is not a public hostname, if it is not. Letters, digits and inner
     * hyphens, labels of 1 to 63 characters, 253 in all; at least two labels, since a single label cannot sit in a
     * Cloudflare zone (DockFlare lets it through and then fails at the DNS step). {@code *.} is allowed only as the
     * whole first label, as DockFlare and cloudflared allow.
     */
    static Optional<String> problemWith(String name, boolean wildcardAllowed) {
        if (name.isEmpty()) {
            return Optional.of("is empty");
        }
        String rest = name;
        if (name.startsWith("*.")) {
            if (!wildcardAllowed) {
                return Optional.of("'" + name + "' is a wildcard; a zone name cannot be one");
            }
            rest = name.substring(2);
        }
        if (rest.contains("*")) {
            return Optional.of("'" + name + "' has a '*' that is not the whole first label (only '*.example.com' works)");
        }
        if (rest.length() > 253) {
            return Optional.of("'" + name + "' is longer than 253 characters");
        }
        String[] labels = rest.split("\\.", -1);
        if (labels.length < 2) {
            return Optional.of("'" + name + "' is not a fully qualified name such as app.example.com");
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.of("'" + name + "' is not a valid DNS name: each dot-separated part needs 1 to 63 "
                        + "letters, digits or inner hyphens ('" + label + "' does not)");
            }
        }
        return Optional.empty();
    }
}
