package io.homeport.tunnel.label;

import java.util.Objects;

/**
 * One public hostname (and optional path) a container asks to be reachable on.
 *
 * @param hostname      lower-cased DNS name; may start with {@code *.} (an ingress rule, but no DNS record)
 * @param zoneName      the Cloudflare zone from {@code zonename}, lower-cased; null: derive it from the hostname
 * @param service       where cloudflared sends the traffic, e.g. {@code http://app:80} or {@code http_status:404}
 * @param path          a regular expression over the request path, or null for every path
 * @param originRequest never null; {@link OriginRequest#NONE} when no option is set
 * @param access        null: no Access application (public)
 */
public record Route(String hostname, String zoneName, String service, String path, OriginRequest originRequest,
        Access access) {

    public Route {
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(originRequest, "originRequest");
    }

    /** cloudflared sends originRequest options only to HTTP(S) origins. */
    public boolean isHttpService() {
        return service.startsWith("http://") || service.startsWith("https://");
    }
}
