package io.homeport.gateway.webhook;

import java.util.Map;

/**
 * What one delivery POSTs, before it is signed.
 *
 * @param headers headers the format itself needs (ntfy's {@code Title}, {@code Priority}, {@code Tags})
 */
public record RenderedBody(String contentType, byte[] body, Map<String, String> headers) {

    public RenderedBody {
        headers = Map.copyOf(headers);
    }
}
