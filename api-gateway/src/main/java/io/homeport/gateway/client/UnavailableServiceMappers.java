package io.homeport.gateway.client;

import io.homeport.platform.problem.Problem;
import io.homeport.platform.problem.ProblemType;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A service behind the gateway that cannot be reached or does not answer in time: 503 with Retry-After. */
public class UnavailableServiceMappers {

    @ServerExceptionMapper({ProcessingException.class, TimeoutException.class, CircuitBreakerOpenException.class})
    public Response unavailable(Exception e) {
        String detail = e instanceof CircuitBreakerOpenException
                ? "A service behind the gateway is failing; calls to it are paused for a few seconds"
                : "A service behind the gateway did not answer in time";
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "5")
                .entity(Problem.of(ProblemType.UNAVAILABLE, detail)).build();
    }
}
