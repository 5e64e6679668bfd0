package io.homeport.platform.problem;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 and 403 in problem+json, for the gateway's users and for services' callers alike. The reason a token was
 * refused (expired, wrong audience, bad signature) stays in the server log, not in the answer, unless it is a
 * {@link CredentialRefusedException}. Authentication is not proactive, so these failures reach the REST layer like
 * every other error.
 */
public class SecurityProblemMappers {

    private static final String REQUIRED = "A valid bearer token is required";

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(REQUIRED, uri);
    }

    @ServerExceptionMapper
    public Response refused(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(e.getCause() instanceof CredentialRefusedException refused ? refused.getMessage()
                : REQUIRED, uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Response.status(403).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(ProblemType.FORBIDDEN, "Your role does not allow this").at(uri.getPath()))
                .build();
    }

    private static Response unauthenticated(String detail, UriInfo uri) {
        return Response.status(401).type(Problem.MEDIA_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(Problem.of(ProblemType.UNAUTHORIZED, detail).at(uri.getPath())).build();
    }
}
