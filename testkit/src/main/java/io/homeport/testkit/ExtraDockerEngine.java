package io.homeport.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A second Docker engine on this machine, standing in for another host's: its own dockerd with its own data root,
 * exec root (and so its own containerd) and socket, no bridge and no iptables rules, so it never touches the
 * machine's engine or network. Containers on it run without a network, which is all an agent-level test of a
 * second host needs. Needs root and dockerd (CI has both).
 */
public final class ExtraDockerEngine implements AutoCloseable {

    private final Path root;
    private final Process dockerd;

    private ExtraDockerEngine(Path root, Process dockerd) {
        this.root = root;
        this.dockerd = dockerd;
    }

    /** Starts a dockerd under {@code root} (created) and waits until it answers, at most 60 s. */
    public static ExtraDockerEngine start(Path root) {
        Unavailable.requireRoot("a second dockerd");
        Unavailable.requireCommands("apt-get install docker.io", "dockerd");
        try {
            Files.createDirectories(root);
            Path socket = root.resolve("docker.sock");
            Process dockerd = new ProcessBuilder("dockerd", "--data-root", root.resolve("data").toString(),
                    "--exec-root", root.resolve("exec").toString(), "--pidfile", root.resolve("dockerd.pid").toString(),
                    "-H", "unix://" + socket, "--bridge=none", "--iptables=false", "--ip6tables=false")
                    .redirectErrorStream(true).redirectOutput(root.resolve("dockerd.log").toFile()).start();
            ExtraDockerEngine engine = new ExtraDockerEngine(root, dockerd);
            engine.awaitPing();
            return engine;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code DOCKER_HOST} for an agent (or a docker-java client) on this engine. */
    public String dockerHost() {
        return "unix://" + root.resolve("docker.sock");
    }

    /** Copies {@code image} from the machine's engine into this one (there is no registry to pull from). */
    public void copyImage(String image) {
        Path archive = root.resolve("image.tar");
        run("docker", "save", "-o", archive.toString(), image);
        run("docker", "-H", dockerHost(), "load", "-i", archive.toString());
    }

    private static ExecResult run(String... command) {
        ExecResult result = LocalCommand.run(Duration.ofMinutes(2), command);
        if (!result.succeeded()) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + result.stderr());
        }
        return result;
    }

    private void awaitPing() throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        String last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!dockerd.isAlive()) {
                throw new IllegalStateException("the extra dockerd exited: " + tail());
            }
            ExecResult version = LocalCommand.run(Duration.ofSeconds(10), "docker", "-H", dockerHost(), "version");
            if (version.succeeded()) {
                return;
            }
            last = version.stderr();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("the extra dockerd did not answer within 60 s (" + last + "): " + tail());
    }

    private String tail() throws IOException {
        String log = Files.readString(root.resolve("dockerd.log"));
        return log.substring(Math.max(0, log.length() - 2000));
    }

    /** Removes every container on it, then stops it; its data root stays for the test's temporary directory. */
    @Override
    public void close() {
        if (dockerd.isAlive()) {
            ExecResult containers = LocalCommand.run(Duration.ofSeconds(30), "docker", "-H", dockerHost(), "ps", "-aq");
            for (String id : containers.stdout().split("\\s+")) {
                if (!id.isBlank()) {
                    LocalCommand.run(Duration.ofSeconds(30), "docker", "-H", dockerHost(), "rm", "-f", id);
                }
            }
        }
        dockerd.destroy();
        try {
            if (!dockerd.waitFor(30, TimeUnit.SECONDS)) {
                dockerd.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
