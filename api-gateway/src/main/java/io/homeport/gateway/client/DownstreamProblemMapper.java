package io.homeport.gateway.client;

import io.homeport.platform.problem.Problem;
import io.homeport.platform.problem.ProblemException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * A service's 4xx answer reaches the caller unchanged (same status, same problem); its 5xx becomes a 502 that says
 * which service failed, without passing on its internals.
 */
public class DownstreamProblemMapper implements ResponseExceptionMapper<ProblemException> {

    @Override
    public ProblemException toThrowable(Response response) {
        int status = response.getStatus();
        if (status < 500 && isProblem(response)) {
            Problem problem = response.readEntity(Problem.class);
            return new ProblemException(new Problem(problem.type(), problem.title(), problem.status(),
                    problem.detail(), null, problem.errors()));
        }
        if (status < 500) {
            return new ProblemException(Problem.ofStatus(status, "The request was refused by a service behind the gateway"));
        }
        return new ProblemException(Problem.ofStatus(502, "A service behind the gateway failed (HTTP " + status + ")"));
    }

    private static boolean isProblem(Response response) {
        MediaType type = response.getMediaType();
        return type != null && Problem.MEDIA_TYPE.equals(type.getType() + "/" + type.getSubtype());
    }
}
