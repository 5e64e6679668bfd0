package io.homeport.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One answer of a JSON API stand-in (status, body or null for none, extra headers), and the one way the stand-ins
 * read a request and write their answer.
 */
record JsonAnswer(int status, JsonNode body, Map<String, String> headers) {

    JsonAnswer(int status, JsonNode body) {
        this(status, body, Map.of());
    }

    /** What a stand-in answers to a request, given its body. */
    interface Answering {
        JsonAnswer answer(HttpExchange exchange, String body);
    }

    /**
     * Reads the request's body, lets {@code answering} answer it while holding {@code lock} (the stand-in's state is
     * guarded by it), and writes the answer as JSON; a stand-in that throws answers 500.
     */
    static void serve(HttpExchange exchange, Object lock, ObjectMapper json, Answering answering) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            JsonAnswer answer;
            synchronized (lock) {
                answer = answering.answer(exchange, body);
            }
            byte[] bytes = answer.body() == null ? new byte[0] : json.writeValueAsBytes(answer.body());
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        } catch (RuntimeException e) {
            exchange.sendResponseHeaders(500, -1);
        }
    }
}
