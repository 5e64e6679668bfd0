package io.homeport.gateway.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * What the gateway's stand-ins for the services behind it share: an HTTP server on loopback, on a free port, whose
 * URL becomes the REST client's ({@code quarkus.rest-client.<configKey>.url}), and a JSON mapper for the answers.
 */
public abstract class DownstreamStandIn implements QuarkusTestResourceLifecycleManager {

    protected final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final String configKey;
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
        server.createContext("/", this::answer);
        server.start();
        return Map.of("quarkus.rest-client." + configKey + ".url", base());
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
