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

/**
 * The agent's credential: obtained once by enrolling with an enrollment key, then kept in the state directory
 * (readable by the agent only) and presented on every connection.
 */
public record Credential(UUID hostId, String secret) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILE = "credential.json";

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
            String key = enrollmentKey.orElseThrow(() -> new IllegalStateException(
                    "this agent holds no credential yet: set HOMEPORT_ENROLLMENT_KEY to enroll"));
            Credential enrolled = enroll(gateway, key, hostname);
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

    private static Credential enroll(URI gateway, String key, String hostname) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/v1/agents/enroll"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("enrollmentKey", key, "hostname", hostname))))
                .build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(response.body());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("enrollment refused (HTTP " + response.statusCode() + "): "
                        + body.path("detail").asText(response.body()));
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
