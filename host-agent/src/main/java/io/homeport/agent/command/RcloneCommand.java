package io.homeport.agent.command;

import io.homeport.agent.protocol.Frame;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Runs rclone with the host's rclone config, reporting its progress; stops it when the agent stops. The one way the
 * agent runs rclone: the hub's {@code rclone} commands, backups and restores, and the volumes' syncs and fences.
 */
public final class RcloneCommand implements AutoCloseable {

    /**
     * For a source in use: a file that grows while it is read (a log, a counter) is copied as it was when rclone first
     * saw it, instead of being refused ("source file is being updated"); a transfer still fails on a hash mismatch.
     */
    public static final String LIVE_SOURCE = "--local-no-check-updated";
    /**
     * For the small reads and writes a host must not wait on when its remote is unreachable (a volume's fence): a
     * connection is given up after 5 s, a stalled one after 10 s, and nothing is retried, so a network cut turns
     * into an error within seconds instead of minutes of TCP retries.
     */
    public static final List<String> FAIL_FAST = List.of("--contimeout", "5s", "--timeout", "10s", "--retries", "1",
            "--low-level-retries", "1");
    /** For transfers: a connection is given up after 5 s and a transfer that stalls for 30 s fails. */
    public static final List<String> BOUNDED = List.of("--contimeout", "5s", "--timeout", "30s");

    /** rclone's {@code arguments} followed by a set of {@code flags} ({@link #PROGRESS}, {@link #FAIL_FAST} ...). */
    public static List<String> argv(List<String> flags, String... arguments) {
        List<String> argv = new ArrayList<>(List.of(arguments));
        argv.addAll(flags);
        return argv;
    }
    /** Flags for JSON log lines and a stats line every second, which {@link RcloneOutput} turns into progress. */
    public static final List<String> PROGRESS = List.of("--use-json-log", "--stats", "1s", "--stats-log-level",
            "NOTICE");

    private static final int MAX_OUTPUT = 64 * 1024;
    /** rclone's exit codes for a path that does not exist: 3 directory not found, 4 file not found. */
    private static final Set<Integer> NOT_FOUND = Set.of(3, 4);

    private final String rclone;
    private final Path config;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();

    public RcloneCommand(String rclone, Path config) {
        this.rclone = rclone;
        this.config = config;
    }

    /** An {@code rclone} command from the hub: its arguments checked by {@link RcloneInvocation}. */
    String run(UUID commandId, Map<String, String> args, Consumer<Frame.Progress> progress)
            throws InterruptedException {
        RcloneInvocation invocation = RcloneInvocation.of(rclone, args);
        return run(commandId, args.get("operation"), invocation.argv().subList(1, invocation.argv().size()),
                progress);
    }

    /**
     * Runs {@code rclone <arguments>} (add {@link #PROGRESS} for progress).
     *
     * @return what it printed (its summary and messages, at most 64 KiB)
     * @throws CommandFailure when it cannot be started or exits non-zero, with what it printed
     */
    public String run(UUID commandId, String operation, List<String> arguments,
            Consumer<Frame.Progress> progress) throws InterruptedException {
        return run(commandId, operation, arguments, null, progress);
    }

    /**
     * As {@link #run(UUID, String, List, Consumer)}, with {@code stdin} (a small text, written before any output is
     * read, e.g. for {@code rclone rcat}) on rclone's standard input; null gives it an empty one.
     */
    public String run(UUID commandId, String operation, List<String> arguments, String stdin,
            Consumer<Frame.Progress> progress) throws InterruptedException {
        Finished finished = execute(commandId, operation, arguments, stdin, progress);
        if (finished.exit() != 0) {
            throw finished.failure(operation);
        }
        return finished.summary();
    }

    /**
     * As {@link #run}, for a path that may not exist: empty when rclone says it does not (exit 3, directory not
     * found, or 4, file not found), so a caller can tell "not there" from "went wrong" without reading messages.
     */
    public Optional<String> runUnlessMissing(UUID commandId, String operation, List<String> arguments,
            Consumer<Frame.Progress> progress) throws InterruptedException {
        Finished finished = execute(commandId, operation, arguments, null, progress);
        if (NOT_FOUND.contains(finished.exit())) {
            return Optional.empty();
        }
        if (finished.exit() != 0) {
            throw finished.failure(operation);
        }
        return Optional.of(finished.summary());
    }

    private Finished execute(UUID commandId, String operation, List<String> arguments, String stdin,
            Consumer<Frame.Progress> progress) throws InterruptedException {
        List<String> argv = new ArrayList<>(List.of(rclone));
        argv.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
        builder.environment().put("RCLONE_CONFIG", config.toString());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new CommandFailure(Frame.Failure.FAILED, "cannot run " + rclone + ": " + e.getMessage());
        }
        running.add(process);
        try (OutputStream input = process.getOutputStream()) {
            if (stdin != null) {
                input.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            process.destroyForcibly();
            running.remove(process);
            throw new CommandFailure(Frame.Failure.FAILED, "writing to rclone " + operation + " failed: "
                    + e.getMessage());
        }
        OutputTail messages = new OutputTail(MAX_OUTPUT);
        Frame.Progress last = null;
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                RcloneOutput.Line read = RcloneOutput.read(commandId, line);
                if (read.progress() != null) {
                    last = read.progress();
                    progress.accept(last);
                } else if (!read.message().isBlank()) {
                    messages.line(read.message());
                }
            }
            int exit = process.waitFor();
            return new Finished(exit, (last == null ? "" : "done: " + describe(last) + "\n") + messages);
        } catch (IOException e) {
            throw new CommandFailure(Frame.Failure.FAILED, "reading rclone's output failed: " + e.getMessage());
        } finally {
            process.destroyForcibly();
            running.remove(process);
        }
    }

    private record Finished(int exit, String summary) {

        CommandFailure failure(String operation) {
            return new CommandFailure(Frame.Failure.FAILED, "rclone " + operation + " exited with " + exit + "\n"
                    + summary);
        }
    }

    /** Stops every rclone still running. */
    @Override
    public void close() {
        running.forEach(Process::destroy);
    }

    private static String describe(Frame.Progress progress) {
        return progress.message() + (progress.bytes() == null || progress.bytes() == 0 ? ""
                : ", " + progress.bytes() + " bytes");
    }
}
