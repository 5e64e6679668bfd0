package io.homeport.gateway.security;

import io.homeport.platform.problem.Problem;
import io.homeport.platform.problem.ProblemType;
import io.quarkus.oidc.OIDCException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What only the gateway meets: its OIDC provider out of reach. 401 and 403 are the platform's
 * ({@code io.homeport.platform.problem.SecurityProblemMappers}).
 */
public class OidcUnavailableMapper {

    /** The OIDC provider cannot be reached to check a token: nobody can log in, so say so rather than fail. */
    @ServerExceptionMapper
    public Response providerUnavailable(OIDCException e) {
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "10")
                .entity(Problem.of(ProblemType.UNAVAILABLE, "The identity provider cannot be reached")).build();
    }
}
