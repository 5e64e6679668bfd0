package io.homeport.tunnel.label;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The origin services an ingress rule may name: DockFlare's {@code is_valid_service} (http, https, tcp, ssh, rdp,
 * http_status, bastion) plus the other forms cloudflared's ingress documentation lists (smb, unix sockets,
 * hello_world). Like cloudflared, a service URL carries no path: the request keeps its own.
 */
final class OriginServices {

    private static final Set<String> KEYWORDS = Set.of("bastion", "hello_world");
    private static final Set<String> PORT_OPTIONAL = Set.of("http", "https");
    private static final Set<String> PORT_REQUIRED = Set.of("tcp", "ssh", "rdp", "smb");
    private static final Pattern HTTP_STATUS = Pattern.compile("http_status:(\\d{3})");
    private static final Pattern URL = Pattern.compile("([a-z][a-z0-9+.-]*)://([^/:?#\\[\\]]+|\\[[0-9a-fA-F:.]+\\])"
            + "(?::(\\d{1,5}))?(.*)");
    // DockFlare's host pattern: container names may hold underscores, which DNS names may not
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?"
            + "(?:\\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*|\\[[0-9a-fA-F:.]+\\]");
    private static final String EXPECTED = "expected http(s)://host[:port], tcp|ssh|rdp|smb://host:port, "
            + "unix:/socket, http_status:NNN, hello_world or bastion";

    private OriginServices() {
    }

    static Optional<String> problemWith(String service) {
        if (service.isEmpty()) {
            return Optional.of("is empty; " + EXPECTED);
        }
        if (KEYWORDS.contains(service)) {
            return Optional.empty();
        }
        Matcher status = HTTP_STATUS.matcher(service);
        if (status.matches()) {
            int code = Integer.parseInt(status.group(1));
            return code >= 100 && code <= 599 ? Optional.empty()
                    : Optional.of("'" + service + "' is not an HTTP status between 100 and 599");
        }
        if (service.startsWith("unix:") || service.startsWith("unix+tls:")) {
            String socket = service.substring(service.indexOf(':') + 1);
            return socket.startsWith("/") ? Optional.empty()
                    : Optional.of("'" + service + "' needs an absolute socket path, e.g. unix:/run/app.sock");
        }
        Matcher url = URL.matcher(service);
        if (!url.matches()) {
            return Optional.of("'" + service + "' is not a service cloudflared can reach; " + EXPECTED);
        }
        String scheme = url.group(1);
        String host = url.group(2);
        String port = url.group(3);
        String rest = url.group(4);
        if (!PORT_OPTIONAL.contains(scheme) && !PORT_REQUIRED.contains(scheme)) {
            return Optional.of("'" + service + "' uses the unsupported scheme '" + scheme + "'; " + EXPECTED);
        }
        if (!rest.isEmpty()) {
            return Optional.of("'" + service + "' has a path or query ('" + rest + "'); cloudflared forwards each "
                    + "request's own path, so give only " + scheme + "://host" + (port == null ? "" : ":" + port));
        }
        if (!HOST.matcher(host).matches()) {
            return Optional.of("'" + service + "' has an invalid host '" + host + "'");
        }
        if (port == null) {
            return PORT_REQUIRED.contains(scheme)
                    ? Optional.of("'" + service + "' needs a port, e.g. " + scheme + "://" + host + ":22")
                    : Optional.empty();
        }
        int number = Integer.parseInt(port);
        return number >= 1 && number <= 65535 ? Optional.empty()
                : Optional.of("'" + service + "' has port " + port + ", outside 1-65535");
    }
}
