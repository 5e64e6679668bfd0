package io.homeport.provisioner.tailscale;

import io.homeport.platform.http.RetryAfterAware;
import java.time.Duration;
import java.util.Optional;

/** Tailscale was rate limiting (429), failing (5xx) or unreachable: worth asking again later. */
public class TailscaleUnavailableException extends TailscaleException implements RetryAfterAware {

    private final Duration retryAfter;

    TailscaleUnavailableException(int status, String message, Duration retryAfter) {
        super(status, message);
        this.retryAfter = retryAfter;
    }

    TailscaleUnavailableException(String message, Throwable cause) {
        super(0, message, cause);
        this.retryAfter = null;
    }

    /** How long Tailscale asked to wait ({@code Retry-After}), if it said. */
    @Override
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
