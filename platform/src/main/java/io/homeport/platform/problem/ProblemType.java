package io.homeport.platform.problem;

import java.net.URI;

/** The kinds of problem Homeport reports; {@code type} URIs are stable identifiers clients can match on. */
public enum ProblemType {
    VALIDATION(400, "Invalid request"),
    MALFORMED_BODY(400, "Malformed request body"),
    UNAUTHORIZED(401, "Authentication required"),
    FORBIDDEN(403, "Not allowed"),
    NOT_FOUND(404, "Not found"),
    CONFLICT(409, "Conflict"),
    UNPROCESSABLE(422, "Cannot be done"),
    UNAVAILABLE(503, "Service unavailable"),
    INTERNAL(500, "Internal error");

    private final int status;
    private final String title;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public URI uri() {
        return URI.create("urn:homeport:problem:" + name().toLowerCase().replace('_', '-'));
    }

    /** The generic kind for an HTTP status that has no kind of its own. */
    public static URI forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status) {
                return type.uri();
            }
        }
        return URI.create("about:blank");
    }
}
