package io.homeport.agent.command;

import io.homeport.agent.protocol.Commands;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The rclone command line for an {@code rclone} command: arguments are structured, never passed through, so the
 * control plane can only ask for the operations and flags listed here. Output is JSON log lines with a stats
 * line every second, which {@link RcloneOutput} turns into progress.
 */
record RcloneInvocation(List<String> argv) {

    private static final Set<String> OPERATIONS = Set.of("sync", "copy", "check");
    private static final Set<String> KNOWN = Set.of(Commands.OPERATION, Commands.SOURCE, Commands.DESTINATION,
            Commands.BACKUP_DIR, Commands.BANDWIDTH_LIMIT, Commands.CHECKSUM);
    private static final Pattern BANDWIDTH = Pattern.compile("\\d+(\\.\\d+)?[BKMGTP]?");

    static RcloneInvocation of(String rclone, Map<String, String> args) {
        Set<String> unknown = new TreeSet<>(args.keySet());
        unknown.removeAll(KNOWN);
        if (!unknown.isEmpty()) {
            throw CommandFailure.invalid("unknown rclone arguments " + unknown + "; known: " + new TreeSet<>(KNOWN));
        }
        String operation = Arguments.required(args, Commands.OPERATION);
        if (!OPERATIONS.contains(operation)) {
            throw CommandFailure.invalid("operation must be one of " + new TreeSet<>(OPERATIONS) + ", not " + operation);
        }
        List<String> argv = new ArrayList<>(List.of(rclone, operation,
                Arguments.required(args, Commands.SOURCE), Arguments.required(args, Commands.DESTINATION)));
        argv.addAll(RcloneCommand.PROGRESS);
        boolean transfers = !operation.equals("check");
        if (args.containsKey(Commands.BACKUP_DIR)) {
            refuseFor(!transfers, Commands.BACKUP_DIR, operation);
            argv.addAll(List.of("--backup-dir", Arguments.required(args, Commands.BACKUP_DIR)));
        }
        if (args.containsKey(Commands.BANDWIDTH_LIMIT)) {
            String limit = args.get(Commands.BANDWIDTH_LIMIT);
            if (limit == null || !BANDWIDTH.matcher(limit).matches()) {
                throw CommandFailure.invalid(Commands.BANDWIDTH_LIMIT + " must read like 10M or 512K");
            }
            argv.addAll(List.of("--bwlimit", limit));
        }
        if (Boolean.parseBoolean(args.get(Commands.CHECKSUM))) {
            refuseFor(!transfers, Commands.CHECKSUM, operation);
            argv.add("--checksum");
        }
        return new RcloneInvocation(List.copyOf(argv));
    }

    private static void refuseFor(boolean refused, String argument, String operation) {
        if (refused) {
            throw CommandFailure.invalid(argument + " does not apply to rclone " + operation);
        }
    }
}
