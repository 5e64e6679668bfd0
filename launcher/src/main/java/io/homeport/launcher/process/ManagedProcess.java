package io.homeport.launcher.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A child process of the control plane with its output in a log file and its pid in a pid file, so that another
 * invocation of the launcher ({@code ./homeport down}) can find and stop it.
 */
public final class ManagedProcess {

    private final String name;
    private final ProcessHandle handle;
    private final Path logFile;
    private final Path pidFile;
    private final long startedNanos;
    /** Where this run's output begins in the (appended) log file. */
    private final long logStart;

    private ManagedProcess(String name, ProcessHandle handle, Path logFile, Path pidFile, long startedNanos,
            long logStart) {
        this.name = name;
        this.handle = handle;
        this.logFile = logFile;
        this.pidFile = pidFile;
        this.startedNanos = startedNanos;
        this.logStart = logStart;
    }

    /** The java launcher of this JVM, for child JVMs. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static ManagedProcess start(String name, List<String> command, Map<String, String> env, Path logFile,
            Path pidFile) {
        try {
            Files.createDirectories(logFile.getParent());
            Files.createDirectories(pidFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(env);
            long logStart = Files.exists(logFile) ? Files.size(logFile) : 0;
            long started = System.nanoTime();
            Process process = builder.start();
            Files.writeString(pidFile, Long.toString(process.pid()), StandardCharsets.UTF_8);
            return new ManagedProcess(name, process.toHandle(), logFile, pidFile, started, logStart);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** The process recorded in {@code pidFile}, when it is still alive. */
    public static Optional<ProcessHandle> recorded(Path pidFile) {
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Waits until {@code ready} holds.
     *
     * @return how long after the process started it became ready
     * @throws IllegalStateException when the process exits first or the timeout passes, naming the log file
     */
    public Duration awaitReady(BooleanSupplier ready, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!handle.isAlive()) {
                throw new IllegalStateException(name + " exited during start-up; see " + logFile + "\n" + tail(20));
            }
            if (ready.getAsBoolean()) {
                return Duration.ofNanos(System.nanoTime() - startedNanos);
            }
            sleep(50);
        }
        throw new IllegalStateException(name + " was not ready after " + timeout.toSeconds() + " s; see " + logFile
                + "\n" + tail(20));
    }

    /**
     * Whether this run of the process has printed {@code marker}. Reads only what was appended since the last
     * look, so waiting on a growing log costs no more than the log itself.
     */
    public BooleanSupplier printed(String marker) {
        long[] readUpTo = {logStart};
        StringBuilder tail = new StringBuilder();
        return () -> {
            try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
                long length = file.length();
                if (length > readUpTo[0]) {
                    byte[] appended = new byte[(int) (length - readUpTo[0])];
                    file.seek(readUpTo[0]);
                    file.readFully(appended);
                    readUpTo[0] = length;
                    tail.append(new String(appended, StandardCharsets.UTF_8));
                }
                return tail.indexOf(marker) >= 0;
            } catch (IOException e) {
                return false;
            }
        };
    }

    /** SIGTERM, then SIGKILL after {@code grace}. */
    public void stop(Duration grace) {
        terminate(handle, grace);
        deletePidFile();
    }

    /** SIGKILL at once: the process gets no chance to finish anything. */
    public void kill() {
        handle.destroyForcibly();
        handle.onExit().join();
        deletePidFile();
    }

    public static void terminate(ProcessHandle process, Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception timedOut) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.onExit().join();
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return handle.pid();
    }

    public boolean isAlive() {
        return handle.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // a stale pid file is harmless: readers check that the process is alive
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
