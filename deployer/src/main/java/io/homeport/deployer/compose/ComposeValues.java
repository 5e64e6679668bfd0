package io.homeport.deployer.compose;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compose's value syntaxes: durations ({@code 1m30s}) and byte sizes ({@code 512m}). */
final class ComposeValues {

    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(h|ms|m|s|us|ns)");
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)b?");

    /** Whole seconds (rounded up), or null when the text is no compose duration. */
    static Integer seconds(String text) {
        String value = text.trim();
        Matcher part = DURATION_PART.matcher(value);
        double seconds = 0;
        int end = 0;
        while (part.find() && part.start() == end) {
            double amount = Double.parseDouble(part.group(1));
            seconds += switch (part.group(2)) {
                case "h" -> amount * 3600;
                case "m" -> amount * 60;
                case "s" -> amount;
                case "ms" -> amount / 1e3;
                case "us" -> amount / 1e6;
                default -> amount / 1e9;
            };
            end = part.end();
        }
        return end == 0 || end != value.length() ? null : (int) Math.ceil(seconds);
    }

    /** Mebibytes (rounded up), or null when the text is no compose byte size. */
    static Long mebibytes(String text) {
        Matcher size = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!size.matches()) {
            return null;
        }
        double bytes = Double.parseDouble(size.group(1)) * switch (size.group(2)) {
            case "k" -> 1024d;
            case "m" -> 1024d * 1024;
            case "g" -> 1024d * 1024 * 1024;
            case "t" -> 1024d * 1024 * 1024 * 1024;
            default -> 1d;
        };
        return (long) Math.ceil(bytes / (1024 * 1024));
    }

    private ComposeValues() {
    }
}
