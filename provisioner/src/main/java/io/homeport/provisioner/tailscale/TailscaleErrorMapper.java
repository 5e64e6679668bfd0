package io.homeport.provisioner.tailscale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
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
            return new TailscaleUnavailableException(status, message, retryAfter(response));
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

    /** Only the delta-seconds form; an HTTP-date is left to the regular backoff. */
    private static Duration retryAfter(Response response) {
        String value = response.getHeaderString(HttpHeaders.RETRY_AFTER);
        if (value == null || !value.strip().matches("\\d{1,6}")) {
            return null;
        }
        return Duration.ofSeconds(Long.parseLong(value.strip()));
    }
}
