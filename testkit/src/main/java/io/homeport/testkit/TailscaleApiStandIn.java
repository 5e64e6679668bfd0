package io.homeport.testkit;

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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A local stand-in for the Tailscale API (v2), following its public contract: {@code POST /api/v2/oauth/token}
 * (OAuth 2.0 client credentials, form encoded), and {@code POST|GET /api/v2/tailnet/{tailnet}/keys},
 * {@code GET|DELETE /api/v2/tailnet/{tailnet}/keys/{id}}; errors are {@code {"message": "..."}} with a 4xx or 5xx
 * status (the token endpoint answers OAuth's {@code {"error", "error_description"}}). Requests authenticate with the
 * API access token as HTTP Basic user name or as Bearer token, or with an OAuth access token as Bearer token.
 *
 * <p>It serves {@code 127.0.0.1} on a free port, records every request for assertions (credentials reduced to
 * {@link AuthKind}, the client secret blanked out) and can be told to answer the next calls with an error. It
 * logs nothing.
 */
public final class TailscaleApiStandIn implements AutoCloseable {

    /** The name {@code -} stands for. */
    public static final String TAILNET = "homeport.example";
    /** The longest expiry Tailscale grants an auth key (90 days), and its default. */
    public static final long MAX_EXPIRY_SECONDS = 7_776_000;

    private static final Pattern TAG = Pattern.compile("tag:[A-Za-z][A-Za-z0-9-]*");
    private static final Pattern DESCRIPTION = Pattern.compile("[A-Za-z0-9 _-]{0,50}");
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /** How a request proved who it is. */
    public enum AuthKind {
        NONE, BASIC_API_KEY, BEARER_API_KEY, BEARER_OAUTH_TOKEN, CLIENT_CREDENTIALS, INVALID
    }

    /** One request as received; {@code body} has any {@code client_secret} replaced by {@code ****}. */
    public record Request(String method, String path, AuthKind auth, String body) {
    }

    private final String apiKey;
    private final String oauthClientId;
    private final String oauthClientSecret;
    private final ObjectMapper json = new ObjectMapper();
    private final SecureRandom random = new SecureRandom();
    private final HttpServer server;

    private final List<Request> requests = new ArrayList<>();
    private final Map<String, ObjectNode> keys = new LinkedHashMap<>();
    private final Map<String, Instant> accessTokens = new HashMap<>();
    private Duration accessTokenLifetime = Duration.ofHours(1);
    private int failuresLeft;
    private int failureStatus;
    private String failureMessage;
    private long retryAfterSeconds = 1;

    /**
     * @param apiKey the API access token it accepts, or null for none
     * @param oauthClientId the OAuth client it issues access tokens to, or null for none
     * @param oauthClientSecret that client's secret
     */
    public TailscaleApiStandIn(String apiKey, String oauthClientId, String oauthClientSecret) {
        if ((oauthClientId == null) != (oauthClientSecret == null)) {
            throw new IllegalArgumentException("an OAuth client needs both an id and a secret");
        }
        this.apiKey = apiKey;
        this.oauthClientId = oauthClientId;
        this.oauthClientSecret = oauthClientSecret;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public static TailscaleApiStandIn withApiKey(String apiKey) {
        return new TailscaleApiStandIn(apiKey, null, null);
    }

    public static TailscaleApiStandIn withOAuthClient(String clientId, String clientSecret) {
        return new TailscaleApiStandIn(null, clientId, clientSecret);
    }

    /** Where it listens, e.g. {@code http://127.0.0.1:41234}, without a trailing slash. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Answers the next {@code calls} requests (any endpoint) with {@code status}: 429 with {@code Retry-After}
     * (see {@link #retryAfter}), 5xx as a server failure, anything else with {@code message}.
     */
    public synchronized void failNext(int calls, int status, String message) {
        failuresLeft = calls;
        failureStatus = status;
        failureMessage = message;
    }

    public void failNext(int calls, int status) {
        failNext(calls, status, status == 429 ? "rate limit exceeded" : "internal server error");
    }

    /** The {@code Retry-After} a 429 carries; 1 second unless set. */
    public synchronized void retryAfter(Duration delay) {
        retryAfterSeconds = delay.toSeconds();
    }

    /** How long the OAuth access tokens it issues live ({@code expires_in}); one hour unless set. */
    public synchronized void accessTokenLifetime(Duration lifetime) {
        accessTokenLifetime = lifetime;
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String method, String pathPrefix) {
        return requests().stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix)).toList();
    }

    /** The keys it minted and still holds, as {@code GET …/keys/{id}} shows them (without the secret). */
    public synchronized List<JsonNode> keys() {
        return keys.values().stream().map(k -> (JsonNode) metadata(k)).toList();
    }

    /** The secret of every key minted so far, for tests that check it never leaked into logs or events. */
    public synchronized List<String> mintedKeySecrets() {
        return keys.values().stream().map(k -> k.path("key").asText()).toList();
    }

    public synchronized void clear() {
        requests.clear();
        failuresLeft = 0;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonAnswer.serve(exchange, this, json, this::answer);
    }

    private JsonAnswer answer(HttpExchange exchange, String body) {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        String[] segments = path.split("/");
        boolean tokenEndpoint = path.equals("/api/v2/oauth/token");
        Map<String, String> form = tokenEndpoint ? form(body) : Map.of();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        AuthKind auth = tokenEndpoint ? clientAuth(authorization, form) : apiAuth(authorization);
        requests.add(new Request(method, decodePath(path), auth, tokenEndpoint ? redactSecret(body) : body));

        if (failuresLeft > 0) {
            failuresLeft--;
            Map<String, String> headers = failureStatus == 429
                    ? Map.of("Retry-After", Long.toString(retryAfterSeconds)) : Map.of();
            return new JsonAnswer(failureStatus, message(failureMessage), headers);
        }
        if (tokenEndpoint) {
            return method.equals("POST") ? token(auth, form) : methodNotAllowed();
        }
        // /api/v2/tailnet/{tailnet}/keys[/{id}]
        if (segments.length < 5 || segments.length > 7 || !segments[1].equals("api") || !segments[2].equals("v2")
                || !segments[3].equals("tailnet") || segments.length == 5 || !segments[5].equals("keys")) {
            return new JsonAnswer(404, message("not found"));
        }
        if (auth == AuthKind.NONE || auth == AuthKind.INVALID) {
            return new JsonAnswer(401, message("API token invalid"));
        }
        String tailnet = decodePath(segments[4]);
        if (!tailnet.equals("-") && !tailnet.equals(TAILNET)) {
            return new JsonAnswer(404, message("tailnet not found"));
        }
        if (segments.length == 6) {
            return switch (method) {
                case "POST" -> createKey(auth, body);
                case "GET" -> new JsonAnswer(200, listKeys());
                default -> methodNotAllowed();
            };
        }
        ObjectNode key = keys.get(decodePath(segments[6]));
        if (key == null) {
            return new JsonAnswer(404, message("key not found"));
        }
        return switch (method) {
            case "GET" -> new JsonAnswer(200, metadata(key));
            case "DELETE" -> {
                keys.remove(key.get("id").asText());
                yield new JsonAnswer(200, null);
            }
            default -> methodNotAllowed();
        };
    }

    private JsonAnswer token(AuthKind auth, Map<String, String> form) {
        String grantType = form.get("grant_type");
        if (grantType != null && !grantType.equals("client_credentials")) {
            return oauthError(400, "unsupported_grant_type", "only client_credentials is supported");
        }
        if (auth != AuthKind.CLIENT_CREDENTIALS) {
            return oauthError(401, "invalid_client", "client authentication failed");
        }
        String token = "tskey-access-" + randomId() + "-" + randomText(32);
        accessTokens.put(token, Instant.now().plus(accessTokenLifetime));
        ObjectNode answer = json.createObjectNode()
                .put("access_token", token)
                .put("token_type", "Bearer")
                .put("expires_in", accessTokenLifetime.toSeconds())
                .put("scope", "auth_keys");
        return new JsonAnswer(200, answer);
    }

    private JsonAnswer createKey(AuthKind auth, String body) {
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (IOException e) {
            return new JsonAnswer(400, message("invalid JSON request body"));
        }
        if (request == null || !request.isObject()) {
            return new JsonAnswer(400, message("request body must be a JSON object"));
        }
        JsonNode create = request.path("capabilities").path("devices").path("create");
        if (!create.isObject()) {
            return new JsonAnswer(400, message("capabilities.devices.create is required"));
        }
        for (String flag : List.of("reusable", "ephemeral", "preauthorized")) {
            if (create.has(flag) && !create.get(flag).isBoolean()) {
                return new JsonAnswer(400, message("capabilities.devices.create." + flag + " must be a boolean"));
            }
        }
        ArrayNode tags = json.createArrayNode();
        if (create.has("tags")) {
            if (!create.get("tags").isArray()) {
                return new JsonAnswer(400, message("capabilities.devices.create.tags must be an array of tags"));
            }
            for (JsonNode tag : create.get("tags")) {
                if (!tag.isTextual() || !TAG.matcher(tag.asText()).matches()) {
                    return new JsonAnswer(400, message("invalid tag " + tag + ": tags must be of the form tag:<name>"));
                }
                tags.add(tag.asText());
            }
        }
        if (auth == AuthKind.BEARER_OAUTH_TOKEN && tags.isEmpty()) {
            return new JsonAnswer(400, message("auth keys created with an OAuth access token must have tags"));
        }
        long expirySeconds = MAX_EXPIRY_SECONDS;
        if (request.has("expirySeconds")) {
            JsonNode expiry = request.get("expirySeconds");
            if (!expiry.canConvertToLong() || !expiry.isIntegralNumber() || expiry.asLong() < 0) {
                return new JsonAnswer(400, message("expirySeconds must be a non-negative integer"));
            }
            if (expiry.asLong() > MAX_EXPIRY_SECONDS) {
                return new JsonAnswer(400, message("expirySeconds must be at most " + MAX_EXPIRY_SECONDS + " (90 days)"));
            }
            if (expiry.asLong() > 0) {
                expirySeconds = expiry.asLong();
            }
        }
        String description = "";
        if (request.has("description")) {
            JsonNode text = request.get("description");
            if (!text.isTextual() || !DESCRIPTION.matcher(text.asText()).matches()) {
                return new JsonAnswer(400, message("description must be at most 50 letters, digits, dashes, "
                        + "underscores and spaces"));
            }
            description = text.asText();
        }

        String id = randomId();
        Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ObjectNode key = json.createObjectNode()
                .put("id", id)
                .put("key", "tskey-auth-" + id + "-" + randomText(32))
                .put("created", created.toString())
                .put("expires", created.plusSeconds(expirySeconds).toString());
        ObjectNode capabilities = key.putObject("capabilities").putObject("devices").putObject("create");
        capabilities.put("reusable", create.path("reusable").asBoolean(false));
        capabilities.put("ephemeral", create.path("ephemeral").asBoolean(false));
        capabilities.put("preauthorized", create.path("preauthorized").asBoolean(false));
        capabilities.set("tags", tags);
        key.put("description", description);
        keys.put(id, key);
        return new JsonAnswer(200, key);
    }

    private ObjectNode listKeys() {
        ObjectNode answer = json.createObjectNode();
        ArrayNode list = answer.putArray("keys");
        keys.values().forEach(k -> list.add(metadata(k)));
        return answer;
    }

    /** A key as Tailscale shows it after creation: everything but the secret. */
    private static ObjectNode metadata(ObjectNode key) {
        ObjectNode copy = key.deepCopy();
        copy.remove("key");
        return copy;
    }

    private AuthKind apiAuth(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return AuthKind.NONE;
        }
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] userPassword = basic(authorization);
            return userPassword != null && apiKey != null && apiKey.equals(userPassword[0])
                    ? AuthKind.BASIC_API_KEY : AuthKind.INVALID;
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).strip();
            if (apiKey != null && apiKey.equals(token)) {
                return AuthKind.BEARER_API_KEY;
            }
            Instant expires = accessTokens.get(token);
            return expires != null && Instant.now().isBefore(expires) ? AuthKind.BEARER_OAUTH_TOKEN : AuthKind.INVALID;
        }
        return AuthKind.INVALID;
    }

    /** Client authentication in the form body or as HTTP Basic (RFC 6749 §2.3.1). */
    private AuthKind clientAuth(String authorization, Map<String, String> form) {
        String id = form.get("client_id");
        String secret = form.get("client_secret");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] userPassword = basic(authorization);
            if (userPassword == null) {
                return AuthKind.INVALID;
            }
            id = userPassword[0];
            secret = userPassword[1];
        }
        if (id == null && secret == null) {
            return AuthKind.NONE;
        }
        return oauthClientId != null && oauthClientId.equals(id) && oauthClientSecret.equals(secret)
                ? AuthKind.CLIENT_CREDENTIALS : AuthKind.INVALID;
    }

    private static String[] basic(String authorization) {
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            form.putIfAbsent(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
        }
        return form;
    }

    private static String redactSecret(String body) {
        return body.replaceAll("(^|&)client_secret=[^&]*", "$1client_secret=****");
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** A path keeps its '+' (only a form turns it into a space). */
    private static String decodePath(String text) {
        return decode(text.replace("+", "%2B"));
    }

    private ObjectNode message(String text) {
        return json.createObjectNode().put("message", text);
    }

    private JsonAnswer oauthError(int status, String error, String description) {
        return new JsonAnswer(status, json.createObjectNode().put("error", error).put("error_description", description));
    }

    private JsonAnswer methodNotAllowed() {
        return new JsonAnswer(405, message("method not allowed"));
    }

    /** Shaped like Tailscale's key ids, e.g. {@code k7Gx2pQ9CNTRL}. */
    private String randomId() {
        return "k" + randomText(8) + "CNTRL";
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return text.toString();
    }
}
