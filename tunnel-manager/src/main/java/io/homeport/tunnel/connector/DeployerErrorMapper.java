package io.homeport.tunnel.connector;

import io.homeport.platform.problem.Problem;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * The deployer's error answers as exceptions: 429 and 5xx are worth asking again ({@link DeployerUnavailableException}),
 * any other 4xx is a refusal with the deployer's problem detail ({@link DeployerRefusedException}).
 */
public class DeployerErrorMapper implements ResponseExceptionMapper<RuntimeException> {

    private static final int MAX_DETAIL = 500;

    @Override
    public RuntimeException toThrowable(Response response) {
        int status = response.getStatus();
        if (status == 429 || status >= 500) {
            return new DeployerUnavailableException(null, "HTTP " + status, null);
        }
        return new DeployerRefusedException(null, status, detailOf(response));
    }

    private static String detailOf(Response response) {
        MediaType type = response.getMediaType();
        if (type == null || !Problem.MEDIA_TYPE.equals(type.getType() + "/" + type.getSubtype())) {
            return "no problem detail";
        }
        Problem problem = response.readEntity(Problem.class);
        String detail = problem.detail() != null ? problem.detail() : String.valueOf(problem.title());
        String oneLine = detail.replaceAll("\\p{Cntrl}", " ").strip();
        return oneLine.length() <= MAX_DETAIL ? oneLine : oneLine.substring(0, MAX_DETAIL) + "…";
    }
}
