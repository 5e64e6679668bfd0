package io.homeport.tunnel.label;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Cloudflare Access for a route, as its labels ask for it.
 *
 * <p>When {@code groups} is not empty the route uses those Access groups (reusable policies) and, as DockFlare
 * documents, every other {@code access.*} label is ignored: {@code policy}, {@code name} and
 * {@code sessionDuration} are null, the booleans false and the lists empty.
 *
 * @param policy         null when groups decide, or when only custom rules are given
 * @param groups         Access group ids, in label order
 * @param name           the Access application's name; null means DockFlare's default {@code DockFlare-<hostname>}
 * @param sessionDuration a Go duration such as {@code 24h} or {@code 1h30m}; {@code 24h} unless a label sets it
 * @param allowedIdps    identity provider UUIDs
 * @param customRules    the JSON array of Access policy rules from {@code access.custom_rules}, or null
 */
public record Access(AccessPolicy policy, List<String> groups, String name, String sessionDuration,
        boolean appLauncherVisible, List<String> allowedIdps, boolean autoRedirectToIdentity, JsonNode customRules) {

    /** DockFlare's default session duration. */
    public static final String DEFAULT_SESSION_DURATION = "24h";

    public Access {
        groups = List.copyOf(groups);
        allowedIdps = List.copyOf(allowedIdps);
        customRules = customRules == null ? null : customRules.deepCopy();
    }

    static Access ofGroups(List<String> groups) {
        return new Access(null, groups, null, null, false, List.of(), false, null);
    }
}
