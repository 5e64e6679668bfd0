package io.homeport.tunnel.cloudflare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.homeport.platform.http.RetryAfterAware;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns Cloudflare's error answers ({@code {"success": false, "errors": [{"code", "message"}]}}) into exceptions:
 * 429 and 5xx are worth retrying, any other 4xx is not.
 */
public class CloudflareErrorMapper implements ResponseExceptionMapper<CloudflareException> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MESSAGE = 300;
    private static final int MAX_ERRORS = 5;

    @Override
    public CloudflareException toThrowable(Response response) {
        int status = response.getStatus();
        List<CloudflareError> errors = errorsOf(response);
        String detail = CloudflareError.describe(errors);
        if (status == 429 || status >= 500) {
            return new CloudflareUnavailableException(null, status, detail, errors,
                    RetryAfterAware.parseHeader(response.getHeaderString(HttpHeaders.RETRY_AFTER)), null);
        }
        return new CloudflareRefusedException(null, status, detail, errors);
    }

    private static List<CloudflareError> errorsOf(Response response) {
        List<CloudflareError> errors = new ArrayList<>();
        try {
            JsonNode body = JSON.readTree(response.readEntity(String.class));
            for (JsonNode error : body == null ? JSON.createArrayNode() : body.path("errors")) {
                if (errors.size() < MAX_ERRORS) {
                    errors.add(new CloudflareError(error.path("code").asInt(),
                            printable(error.path("message").asText())));
                }
            }
        } catch (Exception e) {
            // not JSON (a proxy's error page, say): the status is all there is to tell
        }
        return errors;
    }

    static String printable(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}", " ").strip();
        return oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE) + "…";
    }
}
