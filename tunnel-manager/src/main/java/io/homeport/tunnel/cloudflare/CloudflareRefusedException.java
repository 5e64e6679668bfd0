package io.homeport.tunnel.cloudflare;

import java.util.List;

/**
 * Cloudflare refused the request (a 4xx other than 429, or an answer with {@code success: false}): asking again
 * would get the same answer. {@link #errors()} says why; {@link #notFound()} when the thing is not there.
 */
public class CloudflareRefusedException extends CloudflareException {

    private final String detail;

    CloudflareRefusedException(String what, int status, String detail, List<CloudflareError> errors) {
        super(status, message(what, status, detail), errors, null);
        this.detail = detail;
    }

    private CloudflareRefusedException(String what, CloudflareRefusedException original) {
        super(original.status(), message(what, original.status(), original.detail), original.errors(),
                original);
        this.detail = original.detail;
    }

    public boolean notFound() {
        return status() == 404;
    }

    @Override
    CloudflareRefusedException during(String what) {
        return new CloudflareRefusedException(what, this);
    }
}
