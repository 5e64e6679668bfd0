package io.homeport.tunnel.label;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The values DockFlare accepts for {@code <prefix>access.policy}. */
public enum AccessPolicy {
    /** Public: Access lets everyone through (DockFlare uses its shared {@code public-default-bypass} policy). */
    BYPASS("bypass"),
    /** Visitors must log in (DockFlare: the {@code authenticated-default} policy, the account owner's email). */
    AUTHENTICATE("authenticate"),
    /** No Access application of its own: the zone's {@code *.domain} wildcard application protects it. */
    DEFAULT_TLD("default_tld");

    private final String label;

    AccessPolicy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static Optional<AccessPolicy> fromLabel(String value) {
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.label.equals(wanted)).findFirst();
    }
}
