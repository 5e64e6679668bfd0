package io.homeport.tunnel.label;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Ingress paths. cloudflared matches a rule's path as a Go (RE2) regular expression against the request path, so a
 * path must compile, and the constructs RE2 lacks (lookaround, backreferences, atomic groups, possessive
 * quantifiers) are refused here rather than by the Cloudflare API later.
 */
final class PathRegexes {

    private PathRegexes() {
    }

    /**
     * DockFlare's {@code normalize_path_value}: trimmed, a leading {@code /} added, trailing slashes dropped; empty
     * means no path. One deliberate difference: a path anchored with {@code ^} is left as written, since a slash in
     * front of the anchor would make the expression match nothing.
     */
    static String normalize(String path) {
        String trimmed = path.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        String withSlash = trimmed.startsWith("/") || trimmed.startsWith("^") ? trimmed : "/" + trimmed;
        int end = withSlash.length();
        while (end > 1 && withSlash.charAt(end - 1) == '/') {
            end--;
        }
        return withSlash.substring(0, end);
    }

    static Optional<String> problemWith(String regex) {
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            return Optional.of("'" + regex + "' is not a valid regular expression: " + e.getDescription()
                    + " near index " + e.getIndex());
        }
        return unsupportedByRe2(regex).map(construct -> "'" + regex + "' uses " + construct
                + ", which cloudflared's Go regular expressions do not support");
    }

    private static Optional<String> unsupportedByRe2(String regex) {
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            String next = regex.substring(i + 1, Math.min(regex.length(), i + 4));
            if (c == '\\') {
                if (!inClass && !next.isEmpty() && (Character.isDigit(next.charAt(0)) && next.charAt(0) != '0'
                        || next.startsWith("k<"))) {
                    return Optional.of("a backreference");
                }
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
                if (next.startsWith("]") || next.startsWith("^]")) {
                    i += next.startsWith("]") ? 1 : 2;
                }
            } else if (c == '(' && (next.startsWith("?=") || next.startsWith("?!") || next.startsWith("?<=")
                    || next.startsWith("?<!"))) {
                return Optional.of("a lookaround");
            } else if (c == '(' && next.startsWith("?>")) {
                return Optional.of("an atomic group");
            } else if ((c == '*' || c == '+' || c == '?' || c == '}') && next.startsWith("+")) {
                return Optional.of("a possessive quantifier");
            }
        }
        return Optional.empty();
    }
}
