package io.homeport.provisioner.provisioning;

import io.homeport.platform.problem.ProblemException;
import io.homeport.platform.problem.ProblemType;
import io.homeport.provisioner.config.ProvisionerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The playbook of {@code deploy/ansible}, run with {@code ansible-playbook} as a child process: listed to know a
 * run's number of steps, and played against one host's workspace with its output read line by line.
 */
@ApplicationScoped
public class Playbook {

    private final ProvisionerConfig.Ansible config;

    Playbook(ProvisionerConfig config) {
        this.config = config.ansible();
    }

    /**
     * How many tasks the playbook lists. Also proves the playbook and ansible-playbook are usable before a run
     * starts.
     *
     * @throws ProblemException 503 naming the cause when ansible-playbook is missing or the playbook is broken
     */
    int countTasks() {
        Path playbook = playbookFile();
        ProcessBuilder builder = new ProcessBuilder(config.command(), "--list-tasks", playbook.getFileName().toString(),
                "-i", "localhost,").directory(playbook.getParent().toFile()).redirectErrorStream(true);
        builder.environment().put("ANSIBLE_NOCOLOR", "1");
        try {
            Process list = builder.start();
            String output = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!list.waitFor(2, TimeUnit.MINUTES) || list.exitValue() != 0) {
                throw unusable("ansible-playbook --list-tasks failed: " + tail(output));
            }
            return PlaybookOutput.countListedTasks(output);
        } catch (IOException e) {
            throw unusable("cannot run " + config.command() + ": " + e.getMessage()
                    + " (install Ansible on the provisioner's machine: apt-get install ansible)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unusable("interrupted while listing the playbook's tasks");
        }
    }

    /** Starts the playbook against the workspace's host; {@code lines} gets every line it prints. */
    Execution start(AnsibleWorkspace workspace, Consumer<String> lines) {
        Path playbook = playbookFile();
        List<String> command = new ArrayList<>(List.of(config.command(), playbook.getFileName().toString(),
                "-i", workspace.inventory().toString(), "--extra-vars", "@" + workspace.variables()));
        config.siteVariables().ifPresent(site -> command.addAll(List.of("--extra-vars", "@" + site.toAbsolutePath())));
        // last, so that no site variable can replace a key minted for this run
        command.addAll(List.of("--extra-vars", "@" + workspace.secrets()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(playbook.getParent().toFile())
                .redirectError(workspace.errors().toFile());
        builder.environment().putAll(workspace.environment());
        try {
            Process process = builder.start();
            Thread reader = new Thread(() -> read(process, lines), "playbook-output-" + process.pid());
            reader.setDaemon(true);
            reader.start();
            return new Execution(process, reader, workspace.errors());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + config.command(), e);
        }
    }

    private static void read(Process process, Consumer<String> lines) {
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                lines.accept(line);
            }
        } catch (IOException ended) {
            // the process was killed (cancel or timeout): its output simply ends
        }
    }

    private Path playbookFile() {
        Path playbook = config.playbook().toAbsolutePath().normalize();
        if (!Files.isRegularFile(playbook)) {
            throw unusable("the playbook " + playbook + " does not exist (homeport.provisioner.ansible.playbook)");
        }
        return playbook;
    }

    private static ProblemException unusable(String detail) {
        return new ProblemException(ProblemType.UNAVAILABLE, "The provisioner cannot run Ansible: " + detail);
    }

    private static String tail(String output) {
        List<String> lines = output.strip().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
    }

    /** A playbook running as a child process. */
    static final class Execution {

        private final Process process;
        private final Thread reader;
        private final Path errors;

        private Execution(Process process, Thread reader, Path errors) {
            this.process = process;
            this.reader = reader;
            this.errors = errors;
        }

        /** Waits until the playbook ends and its output is read; empty when it is still running at the deadline. */
        Optional<Integer> await(long timeout, TimeUnit unit) throws InterruptedException {
            if (!process.waitFor(timeout, unit)) {
                return Optional.empty();
            }
            reader.join(TimeUnit.SECONDS.toMillis(30));
            return Optional.of(process.exitValue());
        }

        /** Ends the playbook and the ssh processes it started. */
        void stop() {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The end of what ansible-playbook wrote to standard error: why it failed when no task did. */
        String errorTail() {
            try {
                return tail(Files.readString(errors));
            } catch (IOException e) {
                return "";
            }
        }
    }
}
