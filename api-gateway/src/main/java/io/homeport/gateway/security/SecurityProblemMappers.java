package io.homeport.gateway.security;

import io.homeport.platform.problem.Problem;
import io.homeport.platform.problem.ProblemType;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 401 and 403 in problem+json. The reason a token was refused stays in the server log, not in the answer. */
public class SecurityProblemMappers {

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated() {
        return Response.status(401).type(Problem.MEDIA_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(Problem.of(ProblemType.UNAUTHORIZED, "A valid bearer token is required")).build();
    }

    /** The OIDC provider cannot be reached to check a token: nobody can log in, so say so rather than fail. */
    @ServerExceptionMapper
    public Response providerUnavailable(OIDCException e) {
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "10")
                .entity(Problem.of(ProblemType.UNAVAILABLE, "The identity provider cannot be reached")).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Response.status(403).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(ProblemType.FORBIDDEN, "Your role does not allow this")).build();
    }
}
