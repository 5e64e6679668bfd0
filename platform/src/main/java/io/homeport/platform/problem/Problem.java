package io.homeport.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error response.
 *
 * @param errors for validation failures: one entry per offending field
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(String field, String message) {
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail, null, List.of());
    }

    /** One offending field: {@code detail} reads "field message". */
    public static Problem invalidField(String field, String message) {
        return invalid(field + " " + message, List.of(new FieldError(field, message)));
    }

    /** A problem for a bare HTTP status, titled with its reason phrase. */
    public static Problem ofStatus(int status, String detail) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return new Problem(ProblemType.forStatus(status), known != null ? known.getReasonPhrase() : "HTTP " + status,
                status, detail, null, List.of());
    }

    public static Problem invalid(String detail, List<FieldError> errors) {
        return new Problem(ProblemType.VALIDATION.uri(), ProblemType.VALIDATION.title(), 400, detail, null, errors);
    }

    /** Well-formed input that cannot be carried out as it is (422), with one entry per reason. */
    public static Problem unprocessable(String detail, List<FieldError> errors) {
        return new Problem(ProblemType.UNPROCESSABLE.uri(), ProblemType.UNPROCESSABLE.title(), 422, detail, null,
                errors);
    }

    public Problem at(String instance) {
        return new Problem(type, title, status, detail, instance, errors);
    }
}
