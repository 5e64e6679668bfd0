package io.homeport.agent.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.homeport.agent.protocol.Frame;
import java.util.UUID;

/**
 * Reads rclone's {@code --use-json-log} output line by line: a line with {@code stats} becomes a progress frame,
 * any other line is a message kept for the result (rclone's errors and summary).
 */
final class RcloneOutput {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One line, read. {@code progress} is null for a message line. */
    record Line(Frame.Progress progress, String message) {
    }

    static Line read(UUID commandId, String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (java.io.IOException notJson) {
            return new Line(null, line);
        }
        if (node == null || !node.isObject()) {
            return new Line(null, line);
        }
        JsonNode stats = node.get("stats");
        if (stats == null) {
            String object = node.hasNonNull("object") ? node.get("object").asText() + ": " : "";
            return new Line(null, node.path("level").asText("info") + ": " + object
                    + node.path("msg").asText(line).strip());
        }
        long bytes = stats.path("bytes").asLong();
        long totalBytes = stats.path("totalBytes").asLong();
        long checks = stats.path("checks").asLong();
        long totalChecks = stats.path("totalChecks").asLong();
        Integer percent = totalBytes > 0 ? (int) (bytes * 100 / totalBytes)
                : totalChecks > 0 ? (int) (checks * 100 / totalChecks) : null;
        String message = totalBytes > 0 || stats.path("totalTransfers").asLong() > 0
                ? stats.path("transfers").asLong() + " of " + stats.path("totalTransfers").asLong() + " files"
                : checks + " of " + totalChecks + " checked";
        if (stats.path("errors").asLong() > 0) {
            message += ", " + stats.path("errors").asLong() + " errors";
        }
        return new Line(new Frame.Progress(commandId, percent, bytes, totalBytes > 0 ? totalBytes : null, message),
                null);
    }

    private RcloneOutput() {
    }
}
