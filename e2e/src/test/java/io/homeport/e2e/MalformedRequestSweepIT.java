package io.homeport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.homeport.e2e.sweep.MalformedRequests;
import io.homeport.e2e.sweep.MalformedRequests.Probe;
import io.homeport.launcher.ControlPlane;
import io.homeport.launcher.Service;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sends every malformed, oversized and wrongly typed request {@link MalformedRequests} makes of the gateway's
 * published OpenAPI document to the real control plane (all services, real Kafka and PostgreSQL): no answer may be a
 * 5xx, every error must be {@code application/problem+json}, and no body may carry a stack trace.
 */
class MalformedRequestSweepIT {

    /** The WebSocket agents dial is not a request/response endpoint; it is swept by the agent tests. */
    private static final List<String> SKIPPED = List.of("/api/v1/agents/connect");
    private static final int OVERSIZED_BYTES = 12 * 1024 * 1024;
    private static final Pattern STACK_TRACE = Pattern.compile(
            "\\tat |\\bat (java|io|org|com|jdk|sun)\\.[\\w.$]+\\(|Exception:|Caused by:|\\.java:\\d+\\)");

    private static ControlPlane controlPlane;
    private static String adminToken;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startControlPlane() throws Exception {
        controlPlane = new ControlPlane(Files.createTempDirectory("homeport-sweep-e2e"), Path.of(".."),
                ControlPlane.Ports.free());
        controlPlane.startAll();
        adminToken = controlPlane.auth().token("sweep-admin", List.of("admin"), Duration.ofHours(1));
    }

    @AfterAll
    static void stopControlPlane() {
        if (controlPlane != null) {
            controlPlane.close();
        }
    }

    @Test
    void noMalformedRequestGetsA5xxOrAStackTrace() throws Exception {
        String gateway = controlPlane.url(Service.API_GATEWAY);
        JsonNode openApi = new ObjectMapper().readTree(send(gateway, new Probe("GET", "/q/openapi?format=json",
                null, null, "the document"), adminToken).body);
        List<Probe> probes = new MalformedRequests(openApi).all(SKIPPED, OVERSIZED_BYTES);
        assertThat(probes).as("probes made from the OpenAPI document").hasSizeGreaterThanOrEqualTo(1000);

        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> defects = new ArrayList<>();
        int sent = 0;
        long started = System.nanoTime();
        for (int i = 0; i < probes.size(); i++) {
            Probe probe = probes.get(i);
            // every tenth probe without a token and every tenth with a forged one: refusals must be clean too
            String token = i % 10 == 3 ? null : i % 10 == 7 ? adminToken.substring(0, adminToken.length() - 4) + "AAAA"
                    : adminToken;
            Answer answer = send(gateway, probe, token);
            sent++;
            statuses.merge(answer.status, 1, Integer::sum);
            defects.addAll(defectsOf(probe, answer));
        }
        System.out.printf("sweep: %d requests over %d paths in %d s, statuses %s, %d defects%n", sent,
                openApi.path("paths").size(), (System.nanoTime() - started) / 1_000_000_000L, statuses,
                defects.size());
        assertThat(defects).as("answers that are 5xx, carry a stack trace or are errors without problem+json")
                .isEmpty();
    }

    private static List<String> defectsOf(Probe probe, Answer answer) {
        List<String> defects = new ArrayList<>();
        if (answer.status >= 500) {
            defects.add(probe + " → " + answer.status + " " + abbreviate(answer.body));
        }
        if (STACK_TRACE.matcher(answer.body).find()) {
            defects.add(probe + " → a stack trace: " + abbreviate(answer.body));
        }
        if (answer.status >= 400 && !answer.contentType.startsWith("application/problem+json")) {
            defects.add(probe + " → " + answer.status + " as '" + answer.contentType + "', not problem+json: "
                    + abbreviate(answer.body));
        }
        return defects;
    }

    private record Answer(int status, String contentType, String body) {
    }

    /** Sends one probe; a 429 is waited out as its {@code Retry-After} says and the probe sent again. */
    private static Answer send(String gateway, Probe probe, String token) throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + probe.path()))
                    .timeout(Duration.ofSeconds(30))
                    .method(probe.method(), probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(probe.body()));
            if (probe.contentType() != null) {
                request.header("Content-Type", probe.contentType());
            }
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<InputStream> response;
            try {
                response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                // the server may close the connection on an oversized body after answering it: that is no 5xx
                return new Answer(499, "", "connection closed: " + e.getMessage());
            }
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            String body;
            try (InputStream in = response.body()) {
                // a stream that opened is read no further: it would never end
                body = contentType.startsWith("text/event-stream") ? ""
                        : new String(in.readNBytes(256 * 1024), StandardCharsets.UTF_8);
            }
            if (response.statusCode() == 429 && attempt < 5) {
                long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
                Thread.sleep(Duration.ofSeconds(Math.min(seconds, 10)).toMillis());
                continue;
            }
            return new Answer(response.statusCode(), contentType, body);
        }
    }

    private static String abbreviate(String body) {
        String oneLine = body.replace("\n", "\\n");
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "…";
    }
}
