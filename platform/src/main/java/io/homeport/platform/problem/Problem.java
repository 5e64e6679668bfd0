package io.homeport.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
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

    public static Problem invalid(String detail, List<FieldError> errors) {
        return new Problem(ProblemType.VALIDATION.uri(), ProblemType.VALIDATION.title(), 400, detail, null, errors);
    }

    public Problem at(String instance) {
        return new Problem(type, title, status, detail, instance, errors);
    }
}
