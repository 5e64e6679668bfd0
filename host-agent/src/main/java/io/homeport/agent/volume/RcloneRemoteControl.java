package io.homeport.agent.volume;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;

/**
 * The mount's rclone remote-control API ({@code rclone mount --rc}, on loopback without auth): how many uploads its
 * VFS cache still holds and how many errors it has counted. A mount started without {@code --rc}, or not answering,
 * gives nulls: unknown, not unhealthy.
 */
final class RcloneRemoteControl {

    private static final Logger LOG = Logger.getLogger(RcloneRemoteControl.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    /** What the API said; each value null when unknown. */
    record Stats(Long uploadsQueued, Long uploadsInProgress, Long errors) {
    }

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    RcloneRemoteControl(URI base) {
        this.base = URI.create(base.toString().replaceAll("/+$", "") + "/");
    }

    /** Asks both questions at once; completes within the timeout, never exceptionally. */
    CompletableFuture<Stats> read() {
        CompletableFuture<JsonNode> vfs = call("vfs/stats");
        CompletableFuture<JsonNode> core = call("core/stats");
        return vfs.thenCombine(core, (vfsStats, coreStats) -> {
            JsonNode cache = vfsStats == null ? null : vfsStats.get("diskCache");
            return new Stats(number(cache, "uploadsQueued"), number(cache, "uploadsInProgress"),
                    number(coreStats, "errors"));
        });
    }

    private CompletableFuture<JsonNode> call(String method) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(method)).timeout(TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
            if (failure != null) {
                LOG.fine(() -> "rclone rc " + method + " did not answer: " + failure);
                return null;
            }
            if (response.statusCode() != 200) {
                LOG.fine(() -> "rclone rc " + method + " answered " + response.statusCode());
                return null;
            }
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                LOG.fine(() -> "rclone rc " + method + " answered no JSON: " + e.getMessage());
                return null;
            }
        });
    }

    private static Long number(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || !value.isNumber() ? null : value.asLong();
    }
}
