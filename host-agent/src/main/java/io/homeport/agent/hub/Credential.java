package io.homeport.agent.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

/**
 * The agent's credential: obtained once by enrolling with an enrollment key, then kept in the state directory
 * (readable by the agent only) and presented on every connection. A gateway that cannot be reached or answers
 * 5xx/429 is asked again with jittered exponential backoff (1 s doubling to 30 s), so an agent installed before
 * the control plane is up enrolls once it is; a refusal (any other 4xx: an unknown, used-up or expired key) is
 * final and ends the agent ({@link Refused}).
 */
public record Credential(UUID hostId, String secret) {

    private static final Logger LOG = Logger.getLogger(Credential.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILE = "credential.json";
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /** The gateway refused the enrollment: asking again with the same key cannot succeed. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** The stored credential, or a new one from enrolling with {@code enrollmentKey}. */
    public static Credential loadOrEnroll(Path stateDir, URI gateway, Optional<String> enrollmentKey,
            String hostname) {
        Path file = stateDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                JsonNode stored = JSON.readTree(file.toFile());
                return new Credential(UUID.fromString(stored.path("hostId").asText()),
                        stored.path("credential").asText());
            }
            String key = enrollmentKey.orElseThrow(() -> new Refused(
                    "this agent holds no credential yet: set HOMEPORT_ENROLLMENT_KEY to enroll"));
            Credential enrolled = enrollRetrying(gateway, key, hostname);
            Files.createDirectories(stateDir);
            Path partial = stateDir.resolve(FILE + ".new");
            Files.writeString(partial, JSON.writeValueAsString(Map.of("hostId", enrolled.hostId().toString(),
                    "credential", enrolled.secret())), StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
            Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return enrolled;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the credential in " + stateDir, e);
        }
    }

    private static Credential enrollRetrying(URI gateway, String key, String hostname) {
        for (int attempt = 0; ; attempt++) {
            try {
                return enroll(gateway, key, hostname);
            } catch (Unavailable | IOException e) {
                long base = Math.min(MAX_BACKOFF.toMillis(), 1000L << Math.min(attempt, 5));
                long delay = (long) (base * (0.5 + ThreadLocalRandom.current().nextDouble() * 0.5));
                String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
                LOG.warning("Cannot enroll at " + gateway + " yet (" + why + "): retrying in " + delay + " ms");
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while enrolling", interrupted);
                }
            }
        }
    }

    /** The gateway cannot enroll anybody just now (5xx, 429): worth asking again. */
    private static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message);
        }
    }

    private static Credential enroll(URI gateway, String key, String hostname) throws IOException, Unavailable {
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/v1/agents/enroll"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("enrollmentKey", key, "hostname", hostname))))
                .build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status >= 500 || status == 429) {
                throw new Unavailable("HTTP " + status);
            }
            JsonNode body = JSON.readTree(response.body());
            if (status != 201) {
                throw new Refused("enrollment refused (HTTP " + status + "): " + body.path("detail").asText(""));
            }
            return new Credential(UUID.fromString(body.path("hostId").asText()), body.path("credential").asText());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while enrolling", e);
        }
    }

    @Override
    public String toString() {
        return "Credential[hostId=" + hostId + "]";
    }
}
