package io.homeport.gateway.security;

import io.homeport.gateway.token.ApiTokenRefusedException;
import io.homeport.platform.problem.Problem;
import io.homeport.platform.problem.ProblemType;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 and 403 in problem+json. The reason an OIDC token was refused stays in the server log, not in the answer; an
 * API token's is given.
 */
public class SecurityProblemMappers {

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return unauthenticated("A valid bearer token is required");
    }

    /** A refused API token says why (not valid, revoked at T, expired at T): it tells automation what to renew. */
    @ServerExceptionMapper
    public Response refused(AuthenticationFailedException e) {
        return unauthenticated(e.getCause() instanceof ApiTokenRefusedException apiToken ? apiToken.getMessage()
                : "A valid bearer token is required");
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

    private static Response unauthenticated(String detail) {
        return Response.status(401).type(Problem.MEDIA_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(Problem.of(ProblemType.UNAUTHORIZED, detail)).build();
    }
}
