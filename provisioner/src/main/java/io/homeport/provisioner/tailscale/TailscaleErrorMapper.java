package io.homeport.provisioner.tailscale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.homeport.platform.http.RetryAfterAware;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns Tailscale's error answers ({@code {"message": "..."}}, or OAuth's {@code {"error", "error_description"}}
 * on the token endpoint) into exceptions: 429 and 5xx are worth retrying, any other 4xx is not.
 */
public class TailscaleErrorMapper implements ResponseExceptionMapper<TailscaleException> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MESSAGE = 300;

    @Override
    public TailscaleException toThrowable(Response response) {
        int status = response.getStatus();
        String message = "Tailscale API answered HTTP " + status + ": " + messageOf(response);
        if (status == 429 || status >= 500) {
            return new TailscaleUnavailableException(status, message,
                    RetryAfterAware.parseHeader(response.getHeaderString(HttpHeaders.RETRY_AFTER)));
        }
        return new TailscaleRefusedException(status, message);
    }

    private static String messageOf(Response response) {
        try {
            JsonNode body = JSON.readTree(response.readEntity(String.class));
            for (String field : new String[] {"message", "error_description", "error"}) {
                if (body != null && body.path(field).isTextual() && !body.path(field).asText().isBlank()) {
                    return printable(body.path(field).asText());
                }
            }
        } catch (Exception e) {
            // not JSON (a proxy's error page, say): the status is all there is to tell
        }
        return "(no message)";
    }

    private static String printable(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}", " ").strip();
        return oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE) + "…";
    }
}
