package io.homeport.tunnel.cloudflare;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.stream.Collectors;

/** One entry of an answer's {@code errors}: Cloudflare's error code and what it says. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CloudflareError(int code, String message) {

    /** {@code [81053] An A, AAAA, or CNAME record with that host already exists.; [...] ...} */
    static String describe(List<CloudflareError> errors) {
        return errors.isEmpty() ? "(no error in the answer)"
                : errors.stream().map(CloudflareError::toString).collect(Collectors.joining("; "));
    }

    @Override
    public String toString() {
        return "[" + code + "] " + message;
    }
}
