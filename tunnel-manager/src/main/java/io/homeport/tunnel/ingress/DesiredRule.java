package io.homeport.tunnel.ingress;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.homeport.tunnel.label.OriginRequest;
import io.homeport.tunnel.label.Route;
import java.util.Locale;
import java.util.Objects;

/**
 * An ingress rule Homeport wants on a tunnel.
 *
 * @param path          null for every path
 * @param originRequest cloudflared's {@code originRequest} object, or null for none (an empty object counts as none)
 */
public record DesiredRule(String hostname, String path, String service, ObjectNode originRequest) {

    public DesiredRule {
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(service, "service");
        hostname = hostname.strip().toLowerCase(Locale.ROOT);
        if (hostname.isEmpty()) {
            throw new IllegalArgumentException("a Homeport rule always names a hostname; the catch-all is not one");
        }
        path = path == null || path.isEmpty() ? null : path;
        originRequest = originRequest == null || originRequest.isEmpty() ? null : originRequest.deepCopy();
    }

    /** The rule for a route read from labels; origin options go only to HTTP(S) services, as in DockFlare. */
    public static DesiredRule from(Route route) {
        ObjectNode origin = null;
        if (route.isHttpService() && !route.originRequest().isEmpty()) {
            origin = originRequestJson(route.originRequest());
        }
        return new DesiredRule(route.hostname(), route.path(), route.service(), origin);
    }

    public RuleKey key() {
        return new RuleKey(hostname, path);
    }

    /** The rule as cloudflared's configuration holds it. */
    public ObjectNode toJson() {
        ObjectNode rule = JsonNodeFactory.instance.objectNode();
        rule.put("hostname", hostname);
        if (path != null) {
            rule.put("path", path);
        }
        rule.put("service", service);
        if (originRequest != null) {
            rule.set("originRequest", originRequest.deepCopy());
        }
        return rule;
    }

    boolean isWildcard() {
        return hostname.startsWith("*.");
    }

    private static ObjectNode originRequestJson(OriginRequest options) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        if (options.noTLSVerify()) {
            json.put("noTLSVerify", true);
        }
        if (options.originServerName() != null) {
            json.put("originServerName", options.originServerName());
        }
        if (options.httpHostHeader() != null) {
            json.put("httpHostHeader", options.httpHostHeader());
        }
        if (options.http2Origin()) {
            json.put("http2Origin", true);
        }
        if (options.disableChunkedEncoding()) {
            json.put("disableChunkedEncoding", true);
        }
        if (options.matchSNIToHost()) {
            json.put("matchSNItoHost", true);
        }
        return json;
    }
}
