package io.homeport.gateway.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.homeport.api.auth.ServiceToken;
import io.homeport.platform.problem.Problem;
import io.homeport.platform.problem.ProblemType;
import io.homeport.testkit.ServiceTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * What the gateway's stand-ins for the services behind it share: an HTTP server on loopback, on a free port, whose
 * URL becomes the REST client's ({@code quarkus.rest-client.<configKey>.url}), and a JSON mapper for the answers.
 * Like a real service, it answers only calls with a valid service token (else 401), minted from the master key it
 * gives the gateway under test; the caller of the last call is {@link #lastCaller()} (a test declares a field of the
 * stand-in's type to get it).
 */
public abstract class DownstreamStandIn implements QuarkusTestResourceLifecycleManager {

    protected final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    /** 32 bytes, base64: the gateway under test signs its service tokens with a key derived from it. */
    static final String MASTER_KEY = "Z2F0ZXdheS1zdGFuZC1pbnMtbWFzdGVyLWtleS0zMmI=";

    private final String configKey;
    private final ServiceTokens tokens = ServiceTokens.forMasterKey(MASTER_KEY);
    private volatile ServiceToken.Claims lastCaller;
    private HttpServer server;

    protected DownstreamStandIn(String configKey) {
        this.configKey = configKey;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::authenticateThenAnswer);
        server.start();
        return Map.of("quarkus.rest-client." + configKey + ".url", base(), "homeport.master-key", MASTER_KEY);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(this, new TestInjector.MatchesType(getClass()));
    }

    /** Whom the last call with a valid service token was made for. */
    public ServiceToken.Claims lastCaller() {
        return lastCaller;
    }

    private void authenticateThenAnswer(HttpExchange exchange) throws IOException {
        try {
            lastCaller = tokens.verify(exchange.getRequestHeaders().getFirst("Authorization"));
        } catch (IllegalArgumentException e) {
            try (exchange) {
                byte[] body = json.writeValueAsBytes(Problem.of(ProblemType.UNAUTHORIZED, e.getMessage()));
                exchange.getResponseHeaders().set("Content-Type", Problem.MEDIA_TYPE);
                exchange.sendResponseHeaders(401, body.length);
                exchange.getResponseBody().write(body);
            }
            return;
        }
        answer(exchange);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** e.g. {@code http://127.0.0.1:41234} */
    protected String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers one request, and closes the exchange. */
    protected abstract void answer(HttpExchange exchange) throws IOException;
}
