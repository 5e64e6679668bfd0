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

    /**
     * Replaces the host's rclone config with {@link #SEALED_CONFIG}: the whole config file, sealed to this host's
     * agent ({@link SecretSealing}), since it holds the remotes' credentials. Written atomically, mode 0600.
     */
    public static final String RCLONE_CONFIG = "rclone-config";
    /**
     * Backs {@link #SOURCE} (a host directory or rclone path) up into {@link #DESTINATION} (an rclone path that must
     * not exist yet), checks the copy against the source with {@code rclone check}, then writes the copy's MD5 sums
     * to {@link #CHECKSUMS} (an rclone path), so the backup can be verified later without its source.
     */
    public static final String BACKUP = "backup";
    /** Checks the backup at {@link #SOURCE} against its {@link #CHECKSUMS}; fails naming every file that differs. */
    public static final String VERIFY_BACKUP = "verify-backup";
    /**
     * Verifies the backup at {@link #SOURCE} against its {@link #CHECKSUMS} (as {@link #VERIFY_BACKUP}) and, only if
     * it is intact, makes {@link #DESTINATION} (a host directory) an exact copy of it.
     */
    public static final String RESTORE = "restore";
    /** Deletes the backup at {@link #DESTINATION} and its {@link #CHECKSUMS}. */
    public static final String DELETE_BACKUP = "delete-backup";

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

    /** The rclone path of a backup's MD5 sums file. */
    public static final String CHECKSUMS = "checksums";
    /** The sealed rclone config ({@link #RCLONE_CONFIG}). */
    public static final String SEALED_CONFIG = "sealed";

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

    public static Frame.Command rcloneConfig(String sealedConfig) {
        return command(RCLONE_CONFIG, Map.of(SEALED_CONFIG, sealedConfig));
    }

    public static Frame.Command backup(String source, String destination, String checksums) {
        return command(BACKUP, Map.of(SOURCE, source, DESTINATION, destination, CHECKSUMS, checksums));
    }

    public static Frame.Command verifyBackup(String backup, String checksums) {
        return command(VERIFY_BACKUP, Map.of(SOURCE, backup, CHECKSUMS, checksums));
    }

    public static Frame.Command restore(String backup, String checksums, String destination) {
        return command(RESTORE, Map.of(SOURCE, backup, CHECKSUMS, checksums, DESTINATION, destination));
    }

    public static Frame.Command deleteBackup(String backup, String checksums) {
        return command(DELETE_BACKUP, Map.of(DESTINATION, backup, CHECKSUMS, checksums));
    }

    private static Frame.Command command(String kind, Map<String, String> args) {
        return new Frame.Command(UUID.randomUUID(), kind, Map.copyOf(args));
    }

    private Commands() {
    }
}
