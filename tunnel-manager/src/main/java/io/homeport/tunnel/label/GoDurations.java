package io.homeport.tunnel.label;

import java.util.Optional;
import java.util.regex.Pattern;

/** Cloudflare Access takes session durations in Go's format: {@code 300ms}, {@code 30m}, {@code 2h45m}. */
final class GoDurations {

    private static final Pattern DURATION = Pattern.compile("(?:\\d+(?:\\.\\d+)?(?:ns|us|µs|ms|s|m|h))+");

    private GoDurations() {
    }

    static Optional<String> problemWith(String duration) {
        return DURATION.matcher(duration).matches() ? Optional.empty()
                : Optional.of("'" + duration + "' is not a duration such as 24h, 30m or 1h30m "
                        + "(units: h, m, s, ms, us, ns)");
    }
}
