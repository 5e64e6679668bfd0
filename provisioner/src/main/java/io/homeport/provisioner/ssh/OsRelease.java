package io.homeport.provisioner.ssh;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code /etc/os-release} (os-release(5)): {@code KEY=value} lines, values optionally in single or double quotes
 * with backslash escapes inside double quotes; blank lines and {@code #} comments ignored. Never runs it as shell.
 */
final class OsRelease {

    static Map<String, String> parse(String content) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : content.split("\n")) {
            String trimmed = line.strip();
            int equals = trimmed.indexOf('=');
            if (trimmed.isEmpty() || trimmed.startsWith("#") || equals <= 0) {
                continue;
            }
            fields.put(trimmed.substring(0, equals), unquote(trimmed.substring(equals + 1)));
        }
        return fields;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            return value.substring(1, value.length() - 1);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            StringBuilder unescaped = new StringBuilder();
            String inner = value.substring(1, value.length() - 1);
            for (int i = 0; i < inner.length(); i++) {
                char c = inner.charAt(i);
                if (c == '\\' && i + 1 < inner.length()) {
                    c = inner.charAt(++i);
                }
                unescaped.append(c);
            }
            return unescaped.toString();
        }
        return value;
    }

    private OsRelease() {
    }
}
