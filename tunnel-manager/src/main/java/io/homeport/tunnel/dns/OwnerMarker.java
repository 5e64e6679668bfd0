package io.homeport.tunnel.dns;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How Homeport marks the DNS records it creates: the record comment {@code homeport:managed owner=<owner>}.
 *
 * <p>The marker names the control plane (one Homeport installation), not a tunnel: a record follows its app from
 * one host's tunnel to another's, so a tunnel cannot be its owner. Naming the installation keeps a second control
 * plane on the same zone (a staging install, a restored copy) from adopting, repointing or deleting this one's
 * records: for it they are someone else's. A comment may carry other words too (people annotate records); it is
 * Homeport's when it holds both tokens.
 */
public record OwnerMarker(String owner) {

    static final String MANAGED = "homeport:managed";
    private static final String OWNER = "owner=";
    // Cloudflare keeps at most 100 comment characters on the free plan; the marker stays well inside that
    private static final Pattern OWNER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public OwnerMarker {
        if (owner == null || !OWNER_ID.matcher(owner).matches()) {
            throw new IllegalArgumentException("an owner is 1 to 64 letters, digits, dots, hyphens or underscores: "
                    + owner);
        }
    }

    /** The comment to put on every record Homeport creates or updates. */
    public String comment() {
        return MANAGED + " " + OWNER + owner;
    }

    /** Whether a record with this comment is this owner's. */
    public boolean marks(String comment) {
        List<String> words = words(comment);
        return words.contains(MANAGED) && words.contains(OWNER + owner);
    }

    /** Whether any Homeport installation marked a record with this comment. */
    public static boolean isHomeports(String comment) {
        return words(comment).contains(MANAGED);
    }

    private static List<String> words(String comment) {
        return comment == null ? List.of() : Arrays.asList(comment.strip().split("\\s+"));
    }
}
