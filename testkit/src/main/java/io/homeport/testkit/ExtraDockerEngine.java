package io.homeport.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A second Docker engine on this machine, standing in for another host's: its own dockerd with its own data root,
 * exec root (and so its own containerd) and socket, its own bridge and no iptables rules, so it never touches the
 * machine's engine or network. (Not {@code --bridge=none}: a dockerd without a bridge deletes the machine's
 * {@code docker0}, which the machine's engine needs.) Containers on it reach each other on its bridge and nothing
 * else, which is all an agent-level test of a second host needs. Needs root, {@code unshare}, {@code ip} and
 * dockerd (CI has all four).
 *
 * <p>It runs in its own mount namespace, where each of {@code privateDirectories} is replaced by a directory of its
 * own: that host's disk. An agent started in the namespace ({@link #mountNamespacePid()}, see
 * {@link AgentProcess}) sees the same directories as the containers it starts, and neither sees the machine's.
 */
public final class ExtraDockerEngine implements AutoCloseable {

    private static final java.util.concurrent.atomic.AtomicInteger SERIAL = new java.util.concurrent.atomic.AtomicInteger();

    private final Path root;
    private final Process dockerd;

    private ExtraDockerEngine(Path root, Process dockerd) {
        this.root = root;
        this.dockerd = dockerd;
    }

    /**
     * Starts a dockerd under {@code root} (created) and waits until it answers, at most 60 s.
     *
     * @param privateDirectories absolute directories this host has its own of (created where missing)
     */
    public static ExtraDockerEngine start(Path root, List<Path> privateDirectories) {
        Unavailable.requireRoot("a second dockerd");
        Unavailable.requireCommands("apt-get install docker.io util-linux iproute2", "dockerd", "unshare", "ip");
        try {
            Files.createDirectories(root);
            String bridge = "hpx" + ProcessHandle.current().pid() % 10_000 + "-" + SERIAL.incrementAndGet();
            run("ip", "link", "add", bridge, "type", "bridge");
            run("ip", "addr", "add", "10.213." + SERIAL.get() % 250 + ".1/24", "dev", bridge);
            run("ip", "link", "set", bridge, "up");
            Files.writeString(root.resolve("bridge"), bridge);
            Path socket = root.resolve("docker.sock");
            StringBuilder script = new StringBuilder("set -e\n");
            for (int i = 0; i < privateDirectories.size(); i++) {
                Path shared = privateDirectories.get(i);
                Path own = Files.createDirectories(root.resolve("private-" + i));
                Files.createDirectories(shared);
                script.append("mount --bind '").append(own).append("' '").append(shared).append("'\n");
            }
            script.append("exec dockerd --data-root '").append(root.resolve("data")).append("' --exec-root '")
                    .append(root.resolve("exec")).append("' --pidfile '").append(root.resolve("dockerd.pid"))
                    .append("' -H 'unix://").append(socket).append("' --bridge=").append(bridge)
                    .append(" --iptables=false --ip6tables=false\n");
            Process dockerd = new ProcessBuilder("unshare", "--mount", "--propagation", "private", "sh", "-c",
                    script.toString())
                    .redirectErrorStream(true).redirectOutput(root.resolve("dockerd.log").toFile()).start();
            ExtraDockerEngine engine = new ExtraDockerEngine(root, dockerd);
            engine.awaitPing();
            return engine;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This host's own copy of {@code privateDirectories.get(index)}, as the machine sees it. */
    public Path privateDirectory(int index) {
        return root.resolve("private-" + index);
    }

    /** The pid of dockerd, whose mount namespace is this host's ({@code nsenter -t PID -m}). */
    public long mountNamespacePid() {
        return dockerd.pid();
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
        try {
            run("ip", "link", "delete", Files.readString(root.resolve("bridge")).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
