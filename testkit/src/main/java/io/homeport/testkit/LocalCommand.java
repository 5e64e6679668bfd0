package io.homeport.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One command run on this machine through {@link ProcessBuilder}, for the steps no Java library covers (mounts,
 * network namespaces, nsenter). Output goes to temporary files, so a chatty command never blocks on a full pipe.
 */
final class LocalCommand {

    /** Writes what the command reads on its standard input. */
    @FunctionalInterface
    interface Input {
        void writeTo(OutputStream stdin) throws IOException;
    }

    private static final Input NO_INPUT = stdin -> { };

    static ExecResult run(Duration timeout, String... command) {
        return run(List.of(command), null, NO_INPUT, timeout);
    }

    /**
     * Runs {@code command} and waits for it; a command still running after {@code timeout} is killed and reported as
     * exit code -1.
     *
     * @param environment the whole environment of the command, or {@code null} for this JVM's
     */
    static ExecResult run(List<String> command, Map<String, String> environment, Input input, Duration timeout) {
        Path stdout = null;
        Path stderr = null;
        try {
            stdout = Files.createTempFile("homeport-cmd", ".out");
            stderr = Files.createTempFile("homeport-cmd", ".err");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            if (environment != null) {
                builder.environment().clear();
                builder.environment().putAll(environment);
            }
            Process process = builder.start();
            try (OutputStream stdin = process.getOutputStream()) {
                input.writeTo(stdin);
            }
            int exitCode;
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                exitCode = process.exitValue();
            } else {
                process.destroyForcibly().waitFor();
                exitCode = -1;
            }
            return new ExecResult(String.join(" ", command), exitCode,
                    text(stdout), text(stderr));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        } finally {
            deleteQuietly(stdout);
            deleteQuietly(stderr);
        }
    }

    /** Decodes leniently: a command's output need not be valid UTF-8. */
    private static String text(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temporary file is harmless
            }
        }
    }

    private LocalCommand() {
    }
}
