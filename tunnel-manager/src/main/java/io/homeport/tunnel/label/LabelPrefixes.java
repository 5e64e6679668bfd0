package io.homeport.tunnel.label;

import io.homeport.agent.protocol.ContainerState;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The label prefixes Homeport reads, highest precedence first.
 *
 * <p>Precedence is decided per label, as DockFlare's {@code get_label} does: for each field the first prefix that
 * carries it wins, so {@code homeport.expose.enable=false} switches off a container that also carries
 * {@code dockflare.enable=true}, and a container may mix prefixes field by field.
 */
public record LabelPrefixes(List<String> inPrecedence) {

    /** Homeport's own prefix; it always wins so that Homeport can override labels written for DockFlare. */
    public static final String HOMEPORT = ContainerState.ExposurePrefixes.HOMEPORT;
    /** DockFlare's primary prefix, also the default configured prefix. */
    public static final String DOCKFLARE = ContainerState.ExposurePrefixes.DOCKFLARE;
    /** The prefix DockFlare kept from its first releases. */
    public static final String LEGACY = ContainerState.ExposurePrefixes.LEGACY;

    public LabelPrefixes {
        if (inPrecedence.isEmpty()) {
            throw new IllegalArgumentException("at least one label prefix is needed");
        }
        inPrecedence = List.copyOf(inPrecedence);
    }

    /** {@code homeport.expose.}, then {@code dockflare.}, then {@code cloudflare.tunnel.}. */
    public static LabelPrefixes defaults() {
        return configured(DOCKFLARE);
    }

    /**
     * {@code homeport.expose.}, then the configured prefix (DockFlare's {@code LABEL_PREFIX}; a missing trailing dot
     * is added), then {@code dockflare.}, then {@code cloudflare.tunnel.}.
     */
    public static LabelPrefixes configured(String prefix) {
        if (prefix == null || prefix.isBlank() || prefix.strip().equals(".")) {
            throw new IllegalArgumentException("the label prefix must not be blank");
        }
        String trimmed = prefix.strip();
        String withDot = trimmed.endsWith(".") ? trimmed : trimmed + ".";
        var ordered = new LinkedHashSet<String>(List.of(HOMEPORT, withDot, DOCKFLARE, LEGACY));
        return new LabelPrefixes(List.copyOf(ordered));
    }

    /** The label that sets {@code field} under the prefix of highest precedence. */
    public Optional<Label> find(Map<String, String> labels, String field) {
        for (String prefix : inPrecedence) {
            String key = prefix + field;
            String value = labels.get(key);
            if (value != null) {
                return Optional.of(new Label(key, value));
            }
        }
        return Optional.empty();
    }

    /** The prefix of highest precedence that {@code key} starts with. */
    public Optional<String> prefixOf(String key) {
        return inPrecedence.stream().filter(key::startsWith).findFirst();
    }

    /** One container label as found: its full key (for messages) and its value. */
    public record Label(String key, String value) {
    }
}
