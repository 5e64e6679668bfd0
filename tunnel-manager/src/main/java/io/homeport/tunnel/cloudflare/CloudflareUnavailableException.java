package io.homeport.tunnel.cloudflare;

import io.homeport.platform.http.RetryAfterAware;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Cloudflare was rate limiting (429), failing (5xx) or unreachable: worth asking again later. */
public class CloudflareUnavailableException extends CloudflareException implements RetryAfterAware {

    private final String detail;
    private final Duration retryAfter;

    CloudflareUnavailableException(String what, int status, String detail, List<CloudflareError> errors,
            Duration retryAfter, Throwable cause) {
        super(status, message(what, status, detail), errors, cause);
        this.detail = detail;
        this.retryAfter = retryAfter;
    }

    /** How long Cloudflare asked to wait ({@code Retry-After}), if it said. */
    @Override
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    CloudflareUnavailableException during(String what) {
        return new CloudflareUnavailableException(what, status(), detail, errors(), retryAfter, this);
    }
}
