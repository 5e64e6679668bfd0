package io.homeport.tunnel.label;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * DockFlare reads a flag as true when it is {@code true}, {@code 1}, {@code t} or {@code yes} (any case) and as
 * false otherwise. Homeport accepts the same truthy words and their opposites, and refuses anything else: a typo
 * such as {@code ture} is far likelier than a deliberate "false".
 */
final class LabelBooleans {

    private static final Set<String> TRUE = Set.of("true", "1", "t", "yes");
    private static final Set<String> FALSE = Set.of("false", "0", "f", "no");

    private LabelBooleans() {
    }

    /** The flag's value, or empty when it is neither a true nor a false word. */
    static Optional<Boolean> parse(String value) {
        String word = value.strip().toLowerCase(Locale.ROOT);
        if (TRUE.contains(word)) {
            return Optional.of(true);
        }
        return FALSE.contains(word) ? Optional.of(false) : Optional.empty();
    }

    static String problem(String value) {
        return "'" + value + "' is not a boolean; use true or false";
    }
}
