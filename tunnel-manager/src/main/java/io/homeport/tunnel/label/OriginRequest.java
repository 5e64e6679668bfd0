package io.homeport.tunnel.label;

/**
 * The cloudflared {@code originRequest} options a container can set by label. cloudflared applies them to HTTP and
 * HTTPS origins only; DockFlare drops them for other services, and so does the ingress rule built from a route.
 */
public record OriginRequest(boolean noTLSVerify, String originServerName, String httpHostHeader, boolean http2Origin,
        boolean disableChunkedEncoding, boolean matchSNIToHost) {

    public static final OriginRequest NONE = new OriginRequest(false, null, null, false, false, false);

    public boolean isEmpty() {
        return equals(NONE);
    }
}
