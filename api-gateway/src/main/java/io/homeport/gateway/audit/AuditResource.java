package io.homeport.gateway.audit;

import io.homeport.gateway.config.PublicLocations;
import io.homeport.gateway.security.Roles;
import io.homeport.platform.problem.Problem;
import io.homeport.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The audit log, for admins: newest first, {@code limit} per page; a full page links to the next one
 * ({@code Link: <…&before=ID>; rel="next"}).
 */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class AuditResource {

    private final AuditLog audit;
    private final PublicLocations locations;
    private final UriInfo uri;

    AuditResource(AuditLog audit, PublicLocations locations, UriInfo uri) {
        this.audit = audit;
        this.locations = locations;
        this.uri = uri;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    public RestResponse<List<AuditEntryView>> entries(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("actor") String actor, @QueryParam("target") String target,
            @QueryParam("before") @Min(value = 1, message = "must be an entry id") Long before,
            @QueryParam("limit") @DefaultValue("100") @Min(value = 1, message = "must be at least 1")
            @Max(value = AuditLog.MAX_LIMIT, message = "must be at most " + AuditLog.MAX_LIMIT) int limit) {
        List<AuditEntryView> entries = audit.query(instant("from", from), instant("to", to), actor, target, before,
                limit);
        RestResponse.ResponseBuilder<List<AuditEntryView>> answer = RestResponse.ResponseBuilder.ok(entries);
        if (entries.size() == limit) {
            answer.header("Link", "<" + locations.here(uri).replaceQuery(uri.getRequestUri().getRawQuery())
                    .replaceQueryParam("before", entries.get(entries.size() - 1).id()).build() + ">; rel=\"next\"");
        }
        return answer.build();
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ProblemException(Problem.invalidField(field,
                    "must be an ISO-8601 instant such as 2026-11-26T10:00:00Z"));
        }
    }
}
