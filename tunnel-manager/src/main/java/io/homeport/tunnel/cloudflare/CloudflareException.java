package io.homeport.tunnel.cloudflare;

import java.util.List;

/**
 * A Cloudflare API call failed. The message names what was being done, the HTTP status and Cloudflare's own error
 * codes and messages; never the API token or a tunnel token.
 */
public abstract class CloudflareException extends RuntimeException {

    private final int status;
    private final List<CloudflareError> errors;

    CloudflareException(int status, String message, List<CloudflareError> errors, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** The HTTP status Cloudflare answered with; 0 when there was no answer. */
    public int status() {
        return status;
    }

    /** Cloudflare's {@code errors}, e.g. {@code [81053] An A, AAAA, or CNAME record with that host already exists.} */
    public List<CloudflareError> errors() {
        return errors;
    }

    /** Whether Cloudflare answered with the error {@code code}. */
    public boolean hasError(int code) {
        return errors.stream().anyMatch(e -> e.code() == code);
    }

    /** The same failure, its message saying what was being done ("create DNS record web.example.org"). */
    abstract CloudflareException during(String what);

    static String message(String what, int status, String detail) {
        return "Cloudflare " + (what == null ? "API call" : "could not " + what) + ": "
                + (status == 0 ? "" : "HTTP " + status + " ") + detail;
    }
}
