package io.homeport.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every error into an RFC 9457 {@code application/problem+json} response that names what was wrong, and
 * never leaks a stack trace: unexpected failures are logged with a reference the response repeats.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.problem(), uri);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(err -> err.field() + " " + err.message())
                .collect(Collectors.joining("; "));
        return respond(Problem.invalid(detail, errors), uri);
    }

    @ServerExceptionMapper
    public Response malformed(JsonParseException e, UriInfo uri) {
        String detail = "The body is not valid JSON (line %d, column %d): %s".formatted(
                e.getLocation().getLineNr(), e.getLocation().getColumnNr(), e.getOriginalMessage());
        return respond(Problem.of(ProblemType.MALFORMED_BODY, detail), uri);
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        String field = pathOf(e);
        String message;
        if (e instanceof UnrecognizedPropertyException unknown) {
            field = field.isEmpty() ? unknown.getPropertyName() : field;
            message = "is not a known field";
        } else if (e instanceof InvalidFormatException invalid) {
            message = "must be of type " + simpleType(invalid.getTargetType()) + ", got " + invalid.getValue();
        } else if (e.getTargetType() != null) {
            message = "must be of type " + simpleType(e.getTargetType());
        } else {
            message = e.getOriginalMessage();
        }
        if (field.isEmpty()) {
            return respond(Problem.of(ProblemType.MALFORMED_BODY, "The body " + message), uri);
        }
        return respond(Problem.invalidField(field, message), uri);
    }

    @ServerExceptionMapper
    public Response mapping(JsonMappingException e, UriInfo uri) {
        String field = pathOf(e);
        String message = e.getOriginalMessage();
        return respond(Problem.invalid(field.isEmpty() ? message : field + ": " + message,
                field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, message))), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            // the JSON reader wraps what it cannot parse (an incomplete body, for one) in a plain 400
            return respond(Problem.of(ProblemType.MALFORMED_BODY, "The body is not valid JSON: "
                    + json.getOriginalMessage()), uri);
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        return respond(Problem.ofStatus(status, e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure on %s (reference %s)", uri.getPath(), reference);
        return respond(Problem.of(ProblemType.INTERNAL, "Something went wrong on our side; reference " + reference),
                uri);
    }

    private static Response respond(Problem problem, UriInfo uri) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE)
                .entity(problem.instance() == null ? problem.at(uri.getPath()) : problem).build();
    }

    /** {@code create.registration.labels[zone]} becomes {@code labels[zone]}: the path inside the body. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                String name = node.getName() == null ? "" : node.getName();
                if (node.getKey() != null) {
                    name += "[" + node.getKey() + "]";
                } else if (node.getIndex() != null) {
                    name += "[" + node.getIndex() + "]";
                }
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            return parameter == null ? "body" : parameter;
        }
        return String.join(".", names).replace(".[", "[").replace("<map value>", "").replace("<list element>", "");
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type == String.class) {
            return "string";
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            return "object";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        return type.getSimpleName();
    }
}
