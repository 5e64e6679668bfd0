package io.homeport.agent.protocol;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The one-shot commands agents run, and how to write them. Whoever issues a command (the gateway's REST API, the
 * storage-manager) builds it here, so the kinds and argument names exist once.
 */
public final class Commands {

    /** The last {@code tail} lines of a managed container's output (stdout and stderr, with timestamps). */
    public static final String LOGS = "logs";
    /** Restarts a managed container, waiting {@code timeout} seconds for it to stop. */
    public static final String RESTART = "restart";
    /** Runs {@code rclone sync|copy|check source dest}, reporting progress. */
    public static final String RCLONE = "rclone";

    public static final String CONTAINER = "container";
    public static final String TAIL = "tail";
    public static final String TIMEOUT = "timeout";
    public static final String OPERATION = "operation";
    public static final String SOURCE = "source";
    public static final String DESTINATION = "destination";
    /** rclone {@code --backup-dir}: where sync and copy move the files they replace or delete. */
    public static final String BACKUP_DIR = "backupDir";
    /** rclone {@code --bwlimit}, e.g. {@code 10M}. */
    public static final String BANDWIDTH_LIMIT = "bandwidthLimit";
    /** {@code true}: rclone check compares checksums, not only sizes and times (the default). */
    public static final String CHECKSUM = "checksum";

    public static final int MAX_TAIL = 10_000;

    public static Frame.Command logs(String container, int tail) {
        return command(LOGS, Map.of(CONTAINER, container, TAIL, Integer.toString(tail)));
    }

    public static Frame.Command restart(String container, int timeoutSeconds) {
        return command(RESTART, Map.of(CONTAINER, container, TIMEOUT, Integer.toString(timeoutSeconds)));
    }

    /** @param options any of {@link #BACKUP_DIR}, {@link #BANDWIDTH_LIMIT}, {@link #CHECKSUM} */
    public static Frame.Command rclone(String operation, String source, String destination,
            Map<String, String> options) {
        Map<String, String> args = new LinkedHashMap<>(options);
        args.put(OPERATION, operation);
        args.put(SOURCE, source);
        args.put(DESTINATION, destination);
        return command(RCLONE, args);
    }

    private static Frame.Command command(String kind, Map<String, String> args) {
        return new Frame.Command(UUID.randomUUID(), kind, Map.copyOf(args));
    }

    private Commands() {
    }
}
