package io.homeport.tunnel.ingress;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A tunnel configuration with Homeport's rules merged in.
 *
 * @param config    the whole configuration to write
 * @param changed   false when {@code config} equals the current one: nothing to write
 * @param owned     the keys Homeport owns in {@code config}; store them and pass them as {@code previouslyOwned}
 *                  next time
 * @param conflicts desired rules left out, each with its reason
 */
public record MergedIngress(ObjectNode config, boolean changed, SortedSet<RuleKey> owned,
        List<IngressConflict> conflicts) {

    public MergedIngress {
        owned = Collections.unmodifiableSortedSet(new TreeSet<>(owned));
        conflicts = List.copyOf(conflicts);
    }
}
