package io.homeport.provisioner.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what {@code ansible-playbook} prints with the {@code ansible.posix.jsonl} callback (one JSON object per
 * line, {@code _event} naming the callback method) and keeps what a run's progress needs: each task's result on
 * the host, and the final recap. Pure: the playbook's output in, facts out.
 */
final class PlaybookOutput {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MESSAGE = 2000;

    /** Something the playbook reported. */
    sealed interface Line permits TaskResult, Recap {
    }

    /**
     * A task finished on the host.
     *
     * @param status  ok, changed, skipped, failed or unreachable
     * @param message what Ansible said when it failed, else {@code null}
     * @param handler whether a handler ran, rather than a task the playbook lists
     */
    record TaskResult(String task, String status, String message, boolean handler) implements Line {
    }

    /** The final {@code PLAY RECAP} of the host. */
    record Recap(int ok, int changed, int failures, int unreachable, int skipped) implements Line {
    }

    /** Tells whether the task that is starting is a handler, so its result is not counted as a listed step. */
    private boolean inHandler;

    /** The meaning of one line of output, if it has one for a run's progress. */
    Optional<Line> read(String line) {
        JsonNode event;
        try {
            event = JSON.readTree(line);
        } catch (IOException notJson) {
            return Optional.empty(); // warnings Ansible prints outside the callback
        }
        if (event == null || !event.isObject()) {
            return Optional.empty();
        }
        String kind = event.path("_event").asText();
        switch (kind) {
            case "v2_playbook_on_task_start" -> inHandler = false;
            case "v2_playbook_on_handler_task_start" -> inHandler = true;
            case "v2_runner_on_ok", "v2_runner_on_failed", "v2_runner_on_skipped", "v2_runner_on_unreachable" -> {
                return Optional.of(taskResult(kind, event));
            }
            case "v2_playbook_on_stats" -> {
                return recap(event.path("stats"));
            }
            default -> {
                // item results, play starts, warnings: the task's own result follows
            }
        }
        return Optional.empty();
    }

    private TaskResult taskResult(String kind, JsonNode event) {
        String task = event.path("task").path("name").asText("(unnamed task)");
        JsonNode result = firstHost(event.path("hosts"));
        String status = switch (kind) {
            case "v2_runner_on_failed" -> "failed";
            case "v2_runner_on_skipped" -> "skipped";
            case "v2_runner_on_unreachable" -> "unreachable";
            default -> result.path("changed").asBoolean(false) ? "changed" : "ok";
        };
        String message = status.equals("failed") || status.equals("unreachable") ? message(result) : null;
        return new TaskResult(task, status, message, inHandler);
    }

    /** What a failed result says: its {@code msg}, and the command's stderr when it ran one. */
    private static String message(JsonNode result) {
        StringBuilder message = new StringBuilder(result.path("msg").asText(""));
        String stderr = result.path("stderr").asText("").strip();
        if (!stderr.isEmpty()) {
            message.append(message.isEmpty() ? "" : ": ").append(stderr);
        }
        if (message.isEmpty() && result.has("censored")) {
            message.append(result.path("censored").asText());
        }
        String text = message.isEmpty() ? "failed without a message" : message.toString();
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + " …";
    }

    private static Optional<Line> recap(JsonNode stats) {
        JsonNode host = firstHost(stats);
        if (host.isMissingNode()) {
            return Optional.empty();
        }
        return Optional.of(new Recap(host.path("ok").asInt(), host.path("changed").asInt(),
                host.path("failures").asInt(), host.path("unreachable").asInt(), host.path("skipped").asInt()));
    }

    /** A run applies the playbook to one host, so the first (only) host's entry is the one. */
    private static JsonNode firstHost(JsonNode hosts) {
        Iterator<Map.Entry<String, JsonNode>> fields = hosts.fields();
        return fields.hasNext() ? fields.next().getValue() : JSON.missingNode();
    }

    /**
     * How many tasks {@code ansible-playbook --list-tasks} lists: the {@code n of m} of a run's progress. Handlers
     * are not listed (they run when notified), nor are tasks of the plays' headers.
     */
    static int countListedTasks(String listTasksOutput) {
        return (int) listTasksOutput.lines()
                .filter(line -> line.contains("TAGS: ["))
                .filter(line -> !line.stripLeading().startsWith("play #"))
                .count();
    }
}
