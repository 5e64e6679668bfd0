package io.homeport.tunnel.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Merges the rules Homeport wants into a tunnel's configuration without touching anything else.
 *
 * <p>Homeport owns a rule when its key is in {@code previouslyOwned} (what it wrote before) or it is desired now.
 * A rule with a desired key that Homeport did not write before belongs to someone else: it is kept and the desired
 * rule is reported as a conflict, never overwritten. Every other top-level field and every rule Homeport does not
 * own stays as it was, in its order.
 *
 * <p>Order of the result: rules Homeport does not own, as they were; then Homeport's, most specific first (exact
 * hostnames before wildcards, deeper wildcards before shallower, then by hostname; per hostname longer paths
 * first and the rule without a path last), since cloudflared takes the first rule that matches; then the one
 * catch-all rule, which cloudflared requires last: the existing one with all its fields, or
 * {@code {"service":"http_status:404"}}.
 */
public final class IngressMerge {

    static final Comparator<DesiredRule> MOST_SPECIFIC_FIRST = Comparator
            .comparing(DesiredRule::isWildcard)
            .thenComparing(rule -> rule.isWildcard() ? -rule.hostname().split("\\.").length : 0)
            .thenComparing(DesiredRule::hostname)
            .thenComparing(rule -> rule.path() == null ? 1 : 0)
            .thenComparing(rule -> rule.path() == null ? 0 : -rule.path().length())
            .thenComparing(rule -> rule.path() == null ? "" : rule.path());

    private IngressMerge() {
    }

    public static MergedIngress merge(JsonNode currentConfig, List<DesiredRule> desired,
            Set<RuleKey> previouslyOwned) {
        ObjectNode config = currentConfig != null && currentConfig.isObject() ? currentConfig.deepCopy()
                : JsonNodeFactory.instance.objectNode();
        List<JsonNode> unowned = new ArrayList<>();
        JsonNode catchAll = null;
        for (JsonNode rule : config.path("ingress")) {
            if (isCatchAll(rule)) {
                catchAll = rule;
            } else if (!previouslyOwned.contains(RuleKey.of(rule))) {
                unowned.add(rule);
            }
        }
        Set<RuleKey> unownedKeys = new HashSet<>();
        unowned.forEach(rule -> unownedKeys.add(RuleKey.of(rule)));

        Map<RuleKey, DesiredRule> ours = new LinkedHashMap<>();
        List<IngressConflict> conflicts = new ArrayList<>();
        for (DesiredRule rule : desired) {
            RuleKey key = rule.key();
            DesiredRule earlier = ours.get(key);
            if (unownedKeys.contains(key)) {
                conflicts.add(new IngressConflict(key, "the tunnel already has a rule for " + describe(key)
                        + " that Homeport did not create; it is left as it is"));
            } else if (earlier != null && !earlier.equals(rule)) {
                conflicts.add(new IngressConflict(key, "two routes want " + describe(key)
                        + " with different settings; the first one (service " + earlier.service() + ") is kept"));
            } else {
                ours.putIfAbsent(key, rule);
            }
        }

        ArrayNode ingress = JsonNodeFactory.instance.arrayNode();
        unowned.forEach(ingress::add);
        ours.values().stream().sorted(MOST_SPECIFIC_FIRST).map(DesiredRule::toJson).forEach(ingress::add);
        ingress.add(catchAll != null ? catchAll
                : JsonNodeFactory.instance.objectNode().put("service", "http_status:404"));
        config.set("ingress", ingress);
        return new MergedIngress(config, !config.equals(currentConfig), new TreeSet<>(ours.keySet()), conflicts);
    }

    /** cloudflared's catch-all: no hostname (or {@code *}) and no path. */
    static boolean isCatchAll(JsonNode rule) {
        String hostname = rule.path("hostname").asText("");
        return (hostname.isEmpty() || hostname.equals("*")) && rule.path("path").asText("").isEmpty();
    }

    private static String describe(RuleKey key) {
        return key.hostname() + (key.path().isEmpty() ? "" : " with path " + key.path());
    }
}
