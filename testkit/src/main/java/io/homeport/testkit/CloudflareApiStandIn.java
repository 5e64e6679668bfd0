package io.homeport.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A local stand-in for the parts of the Cloudflare API v4 that the tunnel-manager uses, under
 * {@code /client/v4}, with Cloudflare's envelope ({@code success}, {@code errors[{code, message}]},
 * {@code messages}, {@code result}, and {@code result_info} on lists):
 * <ul>
 * <li>{@code GET /zones?name=}</li>
 * <li>{@code GET|POST /accounts/{account}/cfd_tunnel} ({@code name}, {@code is_deleted} filters),
 * {@code GET|DELETE …/cfd_tunnel/{id}} (a delete is soft: {@code deleted_at} is set), {@code GET …/{id}/token},
 * {@code GET|PUT …/{id}/configurations} ({@code version} counts the PUTs)</li>
 * <li>{@code GET|POST /zones/{zone}/dns_records} ({@code name}, {@code type} filters),
 * {@code GET|PUT|PATCH|DELETE …/dns_records/{id}}</li>
 * <li>{@code GET|POST /accounts/{account}/access/apps}, {@code GET|PUT|DELETE …/apps/{id}}, the same for reusable
 * policies under {@code …/access/policies}</li>
 * </ul>
 * Lists are paged ({@code page}, {@code per_page} up to {@link #MAX_PER_PAGE}). Requests authenticate with the API
 * token as Bearer token, else 403 with code {@link #AUTHENTICATION_ERROR}; unknown ids are 404, bodies Cloudflare
 * would refuse are 400, each with a Cloudflare-style error code (the constants below).
 *
 * <p>It serves {@code 127.0.0.1} on a free port, records every call for assertions (the credential reduced to
 * {@link Auth}, never stored), can be told to fail the next calls, and lets a test change things "in the
 * dashboard" behind the client's back. It logs nothing. Thread-safe.
 */
public final class CloudflareApiStandIn implements AutoCloseable {

    public static final String BASE_PATH = "/client/v4";
    /** The most a list gives per page; more is refused, as Cloudflare refuses it for zones. */
    public static final int MAX_PER_PAGE = 50;
    private static final int DEFAULT_PER_PAGE = 20;

    public static final int AUTHENTICATION_ERROR = 10000;
    public static final int NO_ROUTE = 7000;
    public static final int INVALID_OBJECT_IDENTIFIER = 7003;
    public static final int METHOD_NOT_ALLOWED = 10405;
    public static final int INVALID_REQUEST = 9207;
    public static final int RATE_LIMITED = 971;
    public static final int INTERNAL_ERROR = 10001;
    public static final int TUNNEL_NOT_FOUND = 1003;
    public static final int TUNNEL_NAME_TAKEN = 1013;
    public static final int INVALID_INGRESS = 1055;
    public static final int DNS_RECORD_NOT_FOUND = 81044;
    public static final int DNS_RECORD_HOST_TAKEN = 81053;
    public static final int ACCESS_NOT_FOUND = 12130;
    public static final int ACCESS_POLICY_IN_USE = 12131;

    private static final Set<String> DNS_TYPES = Set.of("A", "AAAA", "CNAME", "TXT", "MX", "NS", "SRV", "CAA");
    private static final Set<String> PROXIABLE = Set.of("A", "AAAA", "CNAME");
    private static final Set<String> DECISIONS = Set.of("allow", "deny", "non_identity", "bypass");

    /** Whether a call carried the API token: the header itself is never kept. */
    public enum Auth {
        OK, INVALID
    }

    /** One call as received: {@code path} with its query, relative to {@link #BASE_PATH}. */
    public record Call(String method, String path, Auth auth, String body) {
    }

    private final String apiToken;
    private final String accountId;
    private final ObjectMapper json = new ObjectMapper();
    private final SecureRandom random = new SecureRandom();
    private final HttpServer server;

    private final List<Call> calls = new ArrayList<>();
    private final Map<String, ObjectNode> zones = new LinkedHashMap<>();
    private final Map<String, ObjectNode> tunnels = new LinkedHashMap<>();
    private final Map<String, String> tunnelSecrets = new LinkedHashMap<>();
    private final Map<String, ObjectNode> configurations = new LinkedHashMap<>();
    private final Map<String, Map<String, ObjectNode>> dnsRecords = new LinkedHashMap<>();
    private final Map<String, ObjectNode> accessApps = new LinkedHashMap<>();
    private final Map<String, ObjectNode> accessPolicies = new LinkedHashMap<>();
    private int failuresLeft;
    private int failureStatus;
    private Integer failureRetryAfter;

    /**
     * @param apiToken the API token it accepts as {@code Authorization: Bearer …}
     * @param accountId the one account it knows
     */
    public CloudflareApiStandIn(String apiToken, String accountId) {
        this.apiToken = apiToken;
        this.accountId = accountId;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** The API's base, e.g. {@code http://127.0.0.1:41234/client/v4}, as {@code cloudflare-api-url} takes it. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + BASE_PATH);
    }

    public String accountId() {
        return accountId;
    }

    /**
     * The tunnel-manager's settings for this stand-in, its connector image {@code connectorImage} (there is no
     * registry here) and a debounce of 1 s, as a control plane started by the launcher takes them.
     */
    public Map<String, String> tunnelManagerEnvironment(String connectorImage) {
        return Map.of(
                "HOMEPORT_TUNNEL_CLOUDFLARE_API_URL", url().toString(),
                "HOMEPORT_TUNNEL_CLOUDFLARE_API_TOKEN", apiToken,
                "HOMEPORT_TUNNEL_CLOUDFLARE_ACCOUNT_ID", accountId,
                "HOMEPORT_TUNNEL_CONNECTOR_IMAGE", connectorImage,
                "HOMEPORT_TUNNEL_DEBOUNCE", "PT1S");
    }

    /** Adds an active zone of the account; returns its id. */
    public synchronized String seedZone(String name) {
        String id = hexId();
        ObjectNode zone = json.createObjectNode().put("id", id).put("name", name).put("status", "active")
                .put("type", "full");
        zone.putObject("account").put("id", accountId);
        zone.putArray("name_servers").add("ada.ns.cloudflare.com").add("bob.ns.cloudflare.com");
        zones.put(id, zone);
        dnsRecords.put(id, new LinkedHashMap<>());
        return id;
    }

    /**
     * Answers the next {@code count} calls (any endpoint, before anything is changed) with {@code status} and a
     * Cloudflare error; {@code retryAfterSeconds}, when not null, is sent as {@code Retry-After}.
     */
    public synchronized void failNext(int count, int status, Integer retryAfterSeconds) {
        failuresLeft = count;
        failureStatus = status;
        failureRetryAfter = retryAfterSeconds;
    }

    /** Every tunnel, deleted ones included, as {@code GET …/cfd_tunnel/{id}} shows it. */
    public synchronized List<JsonNode> tunnels() {
        return copies(tunnels.values());
    }

    /** A tunnel's configuration ({@code config}: ingress and the rest), or null when it has none. */
    public synchronized JsonNode configuration(String tunnelId) {
        ObjectNode configuration = configurations.get(tunnelId);
        return configuration == null || configuration.path("config").isNull()
                ? null : configuration.get("config").deepCopy();
    }

    /** How many times the tunnel's configuration was put; 0 before the first. */
    public synchronized long configurationVersion(String tunnelId) {
        ObjectNode configuration = configurations.get(tunnelId);
        return configuration == null ? 0 : configuration.path("version").asLong();
    }

    /** What the zone's CNAME record for {@code hostname} points at; "" when it has none. */
    public synchronized String cnameOf(String zoneId, String hostname) {
        return dnsRecords.getOrDefault(zoneId, Map.of()).values().stream()
                .filter(record -> record.path("name").asText().equals(hostname)
                        && record.path("type").asText().equals("CNAME"))
                .map(record -> record.path("content").asText()).findFirst().orElse("");
    }

    /** The service the tunnel's ingress sends {@code hostname} to; null when it has no rule for it. */
    public synchronized String ingressServiceOf(String tunnelId, String hostname) {
        JsonNode config = configuration(tunnelId);
        if (config != null) {
            for (JsonNode rule : config.path("ingress")) {
                if (rule.path("hostname").asText().equals(hostname)) {
                    return rule.path("service").asText();
                }
            }
        }
        return null;
    }

    public synchronized List<JsonNode> dnsRecords(String zoneId) {
        return copies(dnsRecords.getOrDefault(zoneId, Map.of()).values());
    }

    public synchronized List<JsonNode> accessApps() {
        return copies(accessApps.values());
    }

    public synchronized List<JsonNode> accessPolicies() {
        return copies(accessPolicies.values());
    }

    /** Someone edits the tunnel's configuration in the dashboard: {@code config} replaces it, the version moves. */
    public synchronized void putConfigurationOutOfBand(String tunnelId, JsonNode config) {
        if (!tunnels.containsKey(tunnelId)) {
            throw new IllegalArgumentException("no tunnel " + tunnelId);
        }
        storeConfiguration(tunnelId, config.deepCopy(), "cloudflare");
    }

    /** Someone adds a DNS record in the dashboard; {@code record} as a POST would carry it. Returns its id. */
    public synchronized String createDnsRecordOutOfBand(String zoneId, JsonNode record) {
        JsonAnswer answer = createDnsRecord(zoneId, record.toString());
        if (answer.status() != 200) {
            throw new IllegalArgumentException("record refused: " + answer.body().path("errors"));
        }
        return answer.body().path("result").path("id").asText();
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The calls that could change something: all but {@code GET}. */
    public List<Call> writes() {
        return calls().stream().filter(c -> !c.method().equals("GET")).toList();
    }

    public synchronized void clearCalls() {
        calls.clear();
        failuresLeft = 0;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonAnswer.serve(exchange, this, json, this::answer);
    }

    private record Page(int page, int perPage) {
    }

    private JsonAnswer answer(HttpExchange exchange, String body) {
        String method = exchange.getRequestMethod();
        URI uri = exchange.getRequestURI();
        String rawPath = uri.getRawPath();
        String relative = rawPath.startsWith(BASE_PATH) ? rawPath.substring(BASE_PATH.length()) : rawPath;
        Auth auth = ("Bearer " + apiToken).equals(exchange.getRequestHeaders().getFirst("Authorization"))
                ? Auth.OK : Auth.INVALID;
        calls.add(new Call(method, relative + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()), auth,
                body));

        if (failuresLeft > 0) {
            failuresLeft--;
            Map<String, String> headers = failureRetryAfter == null
                    ? Map.of() : Map.of("Retry-After", failureRetryAfter.toString());
            ObjectNode error = failureStatus == 429
                    ? error(RATE_LIMITED, "Please wait and consider throttling your request speed")
                    : failureStatus >= 500 ? error(INTERNAL_ERROR, "Internal server error")
                    : error(INVALID_REQUEST, "Request is invalid.");
            return new JsonAnswer(failureStatus, error, headers);
        }
        if (!rawPath.startsWith(BASE_PATH + "/")) {
            return noRoute();
        }
        if (auth != Auth.OK) {
            return new JsonAnswer(403, error(AUTHENTICATION_ERROR, "Authentication error"));
        }
        Map<String, String> query = query(uri.getRawQuery());
        String[] s = relative.substring(1).split("/");
        for (int i = 0; i < s.length; i++) {
            s[i] = URLDecoder.decode(s[i].replace("+", "%2B"), StandardCharsets.UTF_8);
        }
        if (s[0].equals("zones")) {
            return zoneRoute(method, s, query, body, relative);
        }
        if (s[0].equals("accounts") && s.length >= 3) {
            if (!s[1].equals(accountId)) {
                return invalidIdentifier(relative);
            }
            if (s[2].equals("cfd_tunnel")) {
                return tunnelRoute(method, s, query, body, relative);
            }
            if (s[2].equals("access") && s.length >= 4 && s[3].equals("apps")) {
                return accessRoute(method, s, query, body, accessApps, this::validApp, relative);
            }
            if (s[2].equals("access") && s.length >= 4 && s[3].equals("policies")) {
                return accessRoute(method, s, query, body, accessPolicies, this::validPolicy, relative);
            }
        }
        return noRoute();
    }

    // /zones[/{zone}/dns_records[/{id}]]
    private JsonAnswer zoneRoute(String method, String[] s, Map<String, String> query, String body, String path) {
        if (s.length == 1) {
            if (!method.equals("GET")) {
                return methodNotAllowed();
            }
            return list(zones.values(), query, matches(query, "name", "name"));
        }
        if (s.length < 3 || !s[2].equals("dns_records") || s.length > 4) {
            return noRoute();
        }
        String zoneId = s[1];
        if (!zones.containsKey(zoneId)) {
            return invalidIdentifier(path);
        }
        Map<String, ObjectNode> records = dnsRecords.get(zoneId);
        if (s.length == 3) {
            return switch (method) {
                case "GET" -> list(records.values(), query,
                        matches(query, "name", "name").and(matches(query, "type", "type")));
                case "POST" -> createDnsRecord(zoneId, body);
                default -> methodNotAllowed();
            };
        }
        ObjectNode record = records.get(s[3]);
        if (record == null) {
            return new JsonAnswer(404, error(DNS_RECORD_NOT_FOUND, "Record does not exist."));
        }
        return switch (method) {
            case "GET" -> ok(record);
            case "PUT", "PATCH" -> updateDnsRecord(zoneId, record, body, method.equals("PATCH"));
            case "DELETE" -> {
                records.remove(s[3]);
                yield ok(json.createObjectNode().put("id", s[3]));
            }
            default -> methodNotAllowed();
        };
    }

    private JsonAnswer createDnsRecord(String zoneId, String body) {
        ObjectNode request = object(body);
        if (request == null) {
            return invalidBody();
        }
        String now = now();
        ObjectNode record = json.createObjectNode().put("id", hexId()).put("zone_id", zoneId)
                .put("zone_name", zones.get(zoneId).path("name").asText());
        record.put("created_on", now);
        return storeDnsRecord(zoneId, record, request, now);
    }

    private JsonAnswer updateDnsRecord(String zoneId, ObjectNode existing, String body, boolean patch) {
        ObjectNode request = object(body);
        if (request == null) {
            return invalidBody();
        }
        ObjectNode merged = patch ? existing.deepCopy() : json.createObjectNode();
        merged.setAll(request);
        merged.put("id", existing.get("id").asText()).put("zone_id", zoneId)
                .put("zone_name", existing.get("zone_name").asText())
                .put("created_on", existing.get("created_on").asText());
        return storeDnsRecord(zoneId, merged, merged, now());
    }

    /** Validates {@code request}'s fields, copies them onto {@code record} and keeps it. */
    private JsonAnswer storeDnsRecord(String zoneId, ObjectNode record, ObjectNode request, String now) {
        String type = request.path("type").asText("");
        String content = request.path("content").asText("");
        if (!DNS_TYPES.contains(type)) {
            return badRequest(INVALID_REQUEST, "DNS record type \"" + type + "\" is invalid.");
        }
        if (!request.path("name").isTextual() || request.path("name").asText().isBlank() || content.isBlank()) {
            return badRequest(INVALID_REQUEST, "A DNS record needs a name and content.");
        }
        String zoneName = zones.get(zoneId).path("name").asText();
        String name = request.get("name").asText().toLowerCase();
        if (name.equals("@")) {
            name = zoneName;
        } else if (!name.equals(zoneName) && !name.endsWith("." + zoneName)) {
            name = name + "." + zoneName;
        }
        boolean proxied = request.path("proxied").asBoolean(false);
        if (proxied && !PROXIABLE.contains(type)) {
            return badRequest(INVALID_REQUEST, "A " + type + " record cannot be proxied.");
        }
        long ttl = request.path("ttl").asLong(1);
        if (ttl != 1 && (ttl < 60 || ttl > 86_400)) {
            return badRequest(INVALID_REQUEST, "TTL must be between 60 and 86400 seconds, or 1 for Automatic.");
        }
        String id = record.get("id").asText();
        String finalName = name;
        boolean clash = dnsRecords.get(zoneId).values().stream()
                .filter(other -> !other.get("id").asText().equals(id))
                .filter(other -> other.get("name").asText().equals(finalName))
                .anyMatch(other -> type.equals("CNAME") || other.get("type").asText().equals("CNAME")
                        || PROXIABLE.contains(type) && PROXIABLE.contains(other.get("type").asText())
                                && other.get("content").asText().equals(content));
        if (clash) {
            return badRequest(DNS_RECORD_HOST_TAKEN, "An A, AAAA, or CNAME record with that host already exists.");
        }
        record.put("type", type).put("name", name).put("content", content)
                .put("proxiable", PROXIABLE.contains(type)).put("proxied", proxied).put("ttl", ttl);
        record.set("comment", request.path("comment").isTextual() ? request.get("comment") : json.nullNode());
        record.set("tags", request.path("tags").isArray() ? request.get("tags") : json.createArrayNode());
        record.put("modified_on", now);
        dnsRecords.get(zoneId).put(id, record);
        return ok(record);
    }

    // /accounts/{account}/cfd_tunnel[/{id}[/token|/configurations]]
    private JsonAnswer tunnelRoute(String method, String[] s, Map<String, String> query, String body, String path) {
        if (s.length == 3) {
            return switch (method) {
                case "GET" -> list(tunnels.values(), query, matches(query, "name", "name").and(deleted(query)));
                case "POST" -> createTunnel(body);
                default -> methodNotAllowed();
            };
        }
        ObjectNode tunnel = tunnels.get(s[3]);
        if (tunnel == null) {
            return new JsonAnswer(404, error(TUNNEL_NOT_FOUND, "Tunnel not found"));
        }
        if (s.length == 4) {
            return switch (method) {
                case "GET" -> ok(tunnel);
                case "DELETE" -> {
                    if (tunnel.path("deleted_at").isNull()) {
                        tunnel.put("deleted_at", now());
                    }
                    yield ok(tunnel);
                }
                default -> methodNotAllowed();
            };
        }
        if (s.length == 5 && s[4].equals("token")) {
            if (!method.equals("GET")) {
                return methodNotAllowed();
            }
            String token = json.createObjectNode().put("a", accountId).put("t", s[3])
                    .put("s", tunnelSecrets.get(s[3])).toString();
            ObjectNode answer = envelope();
            answer.put("result", Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
            return new JsonAnswer(200, answer);
        }
        if (s.length == 5 && s[4].equals("configurations")) {
            return switch (method) {
                case "GET" -> ok(configurations.computeIfAbsent(s[3], id -> configuration(id, 0, null, "cloudflare")));
                case "PUT" -> putConfiguration(s[3], body);
                default -> methodNotAllowed();
            };
        }
        return noRoute();
    }

    private JsonAnswer createTunnel(String body) {
        ObjectNode request = object(body);
        if (request == null) {
            return invalidBody();
        }
        String name = request.path("name").asText("");
        if (name.isBlank()) {
            return badRequest(INVALID_REQUEST, "Tunnel name is required");
        }
        String configSrc = request.path("config_src").asText("local");
        if (!configSrc.equals("local") && !configSrc.equals("cloudflare")) {
            return badRequest(INVALID_REQUEST, "config_src must be local or cloudflare");
        }
        boolean taken = tunnels.values().stream()
                .anyMatch(t -> t.path("deleted_at").isNull() && t.path("name").asText().equals(name));
        if (taken) {
            return new JsonAnswer(409, error(TUNNEL_NAME_TAKEN, "You already have a tunnel with this name"));
        }
        String id = UUID.randomUUID().toString();
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        ObjectNode tunnel = json.createObjectNode().put("id", id).put("account_tag", accountId)
                .put("name", name).put("created_at", now()).putNull("deleted_at")
                .put("status", "inactive").put("remote_config", configSrc.equals("cloudflare"))
                .put("config_src", configSrc).put("tun_type", "cfd_tunnel");
        tunnel.putArray("connections");
        tunnel.putNull("conns_active_at");
        tunnel.putNull("conns_inactive_at");
        tunnel.putObject("metadata");
        tunnels.put(id, tunnel);
        tunnelSecrets.put(id, Base64.getEncoder().encodeToString(secret));
        return ok(tunnel);
    }

    private JsonAnswer putConfiguration(String tunnelId, String body) {
        ObjectNode request = object(body);
        if (request == null) {
            return invalidBody();
        }
        JsonNode config = request.path("config");
        if (!config.isObject()) {
            return badRequest(INVALID_REQUEST, "config must be an object");
        }
        JsonNode ingress = config.path("ingress");
        if (!config.has("ingress")) {
            storeConfiguration(tunnelId, config.deepCopy(), "cloudflare");
            return ok(configurations.get(tunnelId));
        }
        if (!ingress.isArray() || ingress.isEmpty()) {
            return badRequest(INVALID_INGRESS, "ingress must be a non-empty list of rules");
        }
        for (JsonNode rule : ingress) {
            if (!rule.isObject() || !rule.path("service").isTextual() || rule.path("service").asText().isBlank()) {
                return badRequest(INVALID_INGRESS, "every ingress rule needs a service");
            }
        }
        JsonNode last = ingress.get(ingress.size() - 1);
        if (last.hasNonNull("hostname") || last.hasNonNull("path")) {
            return badRequest(INVALID_INGRESS, "The last ingress rule must match all URLs (i.e. it should not "
                    + "have a hostname or path filter)");
        }
        storeConfiguration(tunnelId, config.deepCopy(), "cloudflare");
        return ok(configurations.get(tunnelId));
    }

    private void storeConfiguration(String tunnelId, JsonNode config, String source) {
        long version = configurationVersion(tunnelId) + 1;
        configurations.put(tunnelId, configuration(tunnelId, version, config, source));
    }

    private ObjectNode configuration(String tunnelId, long version, JsonNode config, String source) {
        ObjectNode configuration = json.createObjectNode().put("tunnel_id", tunnelId).put("version", version);
        configuration.set("config", config == null ? json.nullNode() : config);
        return configuration.put("source", source).put("created_at", now());
    }

    // /accounts/{account}/access/{apps|policies}[/{id}]
    private JsonAnswer accessRoute(String method, String[] s, Map<String, String> query, String body,
            Map<String, ObjectNode> store, Function<ObjectNode, JsonAnswer> validate, String path) {
        if (s.length == 4) {
            return switch (method) {
                case "GET" -> list(store.values(), query, item -> true);
                case "POST" -> storeAccess(store, validate, body, null);
                default -> methodNotAllowed();
            };
        }
        if (s.length != 5) {
            return noRoute();
        }
        ObjectNode existing = store.get(s[4]);
        if (existing == null) {
            return new JsonAnswer(404, error(ACCESS_NOT_FOUND, "access.api.error.not_found"));
        }
        return switch (method) {
            case "GET" -> ok(existing);
            case "PUT" -> storeAccess(store, validate, body, existing);
            case "DELETE" -> {
                if (store == accessPolicies && accessApps.values().stream().anyMatch(app -> usesPolicy(app, s[4]))) {
                    yield badRequest(ACCESS_POLICY_IN_USE, "access.api.error.policy_in_use: the policy is used by "
                            + "an application");
                }
                store.remove(s[4]);
                yield ok(json.createObjectNode().put("id", s[4]));
            }
            default -> methodNotAllowed();
        };
    }

    private JsonAnswer storeAccess(Map<String, ObjectNode> store, Function<ObjectNode, JsonAnswer> validate,
            String body, ObjectNode existing) {
        ObjectNode request = object(body);
        if (request == null) {
            return invalidBody();
        }
        JsonAnswer refused = validate.apply(request);
        if (refused != null) {
            return refused;
        }
        String now = now();
        ObjectNode item = request.deepCopy();
        item.put("id", existing == null ? UUID.randomUUID().toString() : existing.get("id").asText());
        item.put("created_at", existing == null ? now : existing.get("created_at").asText()).put("updated_at", now);
        if (store == accessApps) {
            item.put("aud", existing == null ? hexId() + hexId() : existing.get("aud").asText());
            item.put("type", request.path("type").asText("self_hosted"));
            item.put("session_duration", request.path("session_duration").asText("24h"));
        } else {
            item.put("reusable", true);
            for (String rules : List.of("exclude", "require")) {
                if (!item.has(rules)) {
                    item.putArray(rules);
                }
            }
        }
        store.put(item.get("id").asText(), item);
        return ok(item);
    }

    private JsonAnswer validApp(ObjectNode app) {
        if (!app.path("name").isTextual() || app.path("name").asText().isBlank()) {
            return badRequest(INVALID_REQUEST, "access.api.error.invalid_request: name is required");
        }
        if (app.path("type").asText("self_hosted").equals("self_hosted")
                && (!app.path("domain").isTextual() || app.path("domain").asText().isBlank())) {
            return badRequest(INVALID_REQUEST, "access.api.error.invalid_request: domain is required");
        }
        for (JsonNode policy : app.path("policies")) {
            String id = policy.isTextual() ? policy.asText() : policy.path("id").asText("");
            if (!accessPolicies.containsKey(id)) {
                return badRequest(INVALID_REQUEST, "access.api.error.invalid_request: no policy " + id);
            }
        }
        return null;
    }

    private JsonAnswer validPolicy(ObjectNode policy) {
        if (!policy.path("name").isTextual() || policy.path("name").asText().isBlank()) {
            return badRequest(INVALID_REQUEST, "access.api.error.invalid_request: name is required");
        }
        if (!DECISIONS.contains(policy.path("decision").asText(""))) {
            return badRequest(INVALID_REQUEST, "access.api.error.invalid_request: decision must be one of "
                    + DECISIONS);
        }
        if (!policy.path("include").isArray() || policy.path("include").isEmpty()) {
            return badRequest(INVALID_REQUEST, "access.api.error.invalid_request: include needs at least one rule");
        }
        return null;
    }

    private static boolean usesPolicy(ObjectNode app, String policyId) {
        for (JsonNode policy : app.path("policies")) {
            if (policyId.equals(policy.isTextual() ? policy.asText() : policy.path("id").asText())) {
                return true;
            }
        }
        return false;
    }

    private JsonAnswer list(Collection<ObjectNode> items, Map<String, String> query,
            Predicate<ObjectNode> filter) {
        Page page;
        try {
            page = new Page(Integer.parseInt(query.getOrDefault("page", "1")),
                    Integer.parseInt(query.getOrDefault("per_page", Integer.toString(DEFAULT_PER_PAGE))));
        } catch (NumberFormatException e) {
            return badRequest(INVALID_REQUEST, "page and per_page must be numbers");
        }
        if (page.page < 1 || page.perPage < 1 || page.perPage > MAX_PER_PAGE) {
            return badRequest(INVALID_REQUEST, "per_page must be between 1 and " + MAX_PER_PAGE
                    + ", page at least 1");
        }
        List<ObjectNode> matching = items.stream().filter(filter).toList();
        int from = Math.min((page.page - 1) * page.perPage, matching.size());
        List<ObjectNode> shown = matching.subList(from, Math.min(from + page.perPage, matching.size()));
        ObjectNode answer = envelope();
        ArrayNode result = answer.putArray("result");
        shown.forEach(result::add);
        answer.putObject("result_info").put("page", page.page).put("per_page", page.perPage)
                .put("count", shown.size()).put("total_count", matching.size())
                .put("total_pages", (matching.size() + page.perPage - 1) / page.perPage);
        return new JsonAnswer(200, answer);
    }

    private static Predicate<ObjectNode> matches(Map<String, String> query, String parameter, String field) {
        String wanted = query.get(parameter);
        return item -> wanted == null || wanted.equalsIgnoreCase(item.path(field).asText());
    }

    private static Predicate<ObjectNode> deleted(Map<String, String> query) {
        String isDeleted = query.get("is_deleted");
        if (isDeleted == null) {
            return tunnel -> true;
        }
        boolean wanted = Boolean.parseBoolean(isDeleted);
        return tunnel -> !tunnel.path("deleted_at").isNull() == wanted;
    }

    private ObjectNode object(String body) {
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.isObject() ? (ObjectNode) node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private ObjectNode envelope() {
        ObjectNode envelope = json.createObjectNode().put("success", true);
        envelope.putArray("errors");
        envelope.putArray("messages");
        return envelope;
    }

    private JsonAnswer ok(JsonNode result) {
        ObjectNode answer = envelope();
        answer.set("result", result.deepCopy());
        return new JsonAnswer(200, answer);
    }

    private ObjectNode error(int code, String message) {
        ObjectNode answer = json.createObjectNode().put("success", false);
        answer.putArray("errors").addObject().put("code", code).put("message", message);
        answer.putArray("messages");
        answer.putNull("result");
        return answer;
    }

    private JsonAnswer badRequest(int code, String message) {
        return new JsonAnswer(400, error(code, message));
    }

    private JsonAnswer invalidBody() {
        return badRequest(INVALID_REQUEST, "Request body is invalid.");
    }

    private JsonAnswer noRoute() {
        return new JsonAnswer(404, error(NO_ROUTE, "No route for that URI"));
    }

    private JsonAnswer invalidIdentifier(String path) {
        return new JsonAnswer(404, error(INVALID_OBJECT_IDENTIFIER, "Could not route to " + path
                + ", perhaps your object identifier is invalid?"));
    }

    private JsonAnswer methodNotAllowed() {
        return new JsonAnswer(405, error(METHOD_NOT_ALLOWED, "Method not allowed"));
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                query.putIfAbsent(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private List<JsonNode> copies(Collection<ObjectNode> items) {
        return items.stream().map(item -> (JsonNode) item.deepCopy()).toList();
    }

    /** Shaped like Cloudflare's zone and record ids: 32 hex digits. */
    private String hexId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS).toString();
    }
}
