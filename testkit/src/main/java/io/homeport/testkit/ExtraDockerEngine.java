package io.homeport.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 *
 * <p>{@link #startIsolated} makes a whole host of it, for disaster-recovery tests: it also gets a network namespace of
 * its own, linked to this machine only (testkit's private link, 10.251.N.0/24, as {@link TestHosts} hosts have), its
 * own {@code /etc/hosts}, and a pids cgroup holding every process of the host (dockerd, containerd, the containers,
 * its agent and whatever else {@link #commandPrefix()} starts there). Its network can be cut and restored, and the
 * whole host powered off at once ({@link #powerOff()}).
 */
public final class ExtraDockerEngine implements AutoCloseable {

    private static final java.util.concurrent.atomic.AtomicInteger SERIAL = new java.util.concurrent.atomic.AtomicInteger();

    /** The name every isolated host resolves to the machine's end of its link: where the control plane runs. */
    public static final String MACHINE_NAME = "machine.homeport.test";
    private static final Path PIDS_CGROUPS = Path.of("/sys/fs/cgroup/pids");

    private final Path root;
    private final Process dockerd;
    private final TestHosts.ClaimedLink link;
    private final Path cgroup;
    private boolean closed;

    private ExtraDockerEngine(Path root, Process dockerd, TestHosts.ClaimedLink link, Path cgroup) {
        this.root = root;
        this.dockerd = dockerd;
        this.link = link;
        this.cgroup = cgroup;
    }

    /**
     * Starts a dockerd under {@code root} (created) and waits until it answers, at most 60 s.
     *
     * @param privateDirectories absolute directories this host has its own of (created where missing)
     */
    public static ExtraDockerEngine start(Path root, List<Path> privateDirectories) {
        return start(root, privateDirectories, null);
    }

    /**
     * Starts a whole host as {@link #start} does, in a network namespace of its own with a link to this machine,
     * where {@value #MACHINE_NAME} is this machine's end of the link ({@link #gatewayAddress()}).
     *
     * @param name a short name for the link's claim, e.g. {@code dr-a}
     */
    public static ExtraDockerEngine startIsolated(String name, Path root, List<Path> privateDirectories) {
        TestHosts.ClaimedLink link = TestHosts.claimLink(name);
        try {
            ExtraDockerEngine host = start(root, privateDirectories, link);
            // a run stopped early (Ctrl-C, a timeout) leaves no host behind
            Runtime.getRuntime().addShutdownHook(new Thread(host::close, "isolated-host-cleanup"));
            return host;
        } catch (RuntimeException e) {
            link.release();
            throw e;
        }
    }

    private static ExtraDockerEngine start(Path root, List<Path> privateDirectories, TestHosts.ClaimedLink link) {
        Unavailable.requireRoot("a second dockerd");
        Unavailable.requireCommands("apt-get install docker.io util-linux iproute2", "dockerd", "unshare", "ip");
        try {
            Files.createDirectories(root);
            String bridge = "hpx" + ProcessHandle.current().pid() % 10_000 + "-" + SERIAL.incrementAndGet();
            List<String> inNamespace = link == null ? List.of() : List.of("-n", link.network().namespace());
            run(ip(inNamespace, "link", "add", bridge, "type", "bridge"));
            run(ip(inNamespace, "addr", "add", "10.213." + SERIAL.get() % 250 + ".1/24", "dev", bridge));
            run(ip(inNamespace, "link", "set", bridge, "up"));
            Files.writeString(root.resolve("bridge"), bridge);
            Path socket = root.resolve("docker.sock");
            StringBuilder script = new StringBuilder("set -e\n");
            for (int i = 0; i < privateDirectories.size(); i++) {
                Path shared = privateDirectories.get(i);
                Path own = Files.createDirectories(root.resolve("private-" + i));
                Files.createDirectories(shared);
                script.append("mount --bind '").append(own).append("' '").append(shared).append("'\n");
            }
            Path cgroup = null;
            List<String> command = new ArrayList<>();
            if (link != null) {
                Path hosts = root.resolve("hosts");
                Files.writeString(hosts, "127.0.0.1 localhost\n" + link.network().gatewayAddress() + " "
                        + MACHINE_NAME + "\n");
                script.append("mount --bind '").append(hosts).append("' /etc/hosts\n");
                cgroup = Files.createDirectories(PIDS_CGROUPS.resolve("homeport-" + bridge));
                command.addAll(List.of("sh", "-c", "echo $$ > '" + cgroup.resolve("cgroup.procs")
                        + "' && exec nsenter --net=" + link.network().namespacePath() + " -- \"$@\"", "host"));
            }
            script.append("exec dockerd --data-root '").append(root.resolve("data")).append("' --exec-root '")
                    .append(root.resolve("exec")).append("' --pidfile '").append(root.resolve("dockerd.pid"))
                    .append("' -H 'unix://").append(socket).append("' --bridge=").append(bridge)
                    .append(" --iptables=false --ip6tables=false")
                    .append(cgroup == null ? "" : " --cgroup-parent=/" + cgroup.getFileName()).append("\n");
            command.addAll(List.of("unshare", "--mount", "--propagation", "private", "sh", "-c", script.toString()));
            Process dockerd = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(root.resolve("dockerd.log").toFile()).start();
            ExtraDockerEngine engine = new ExtraDockerEngine(root, dockerd, link, cgroup);
            engine.awaitPing();
            return engine;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] ip(List<String> namespace, String... arguments) {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(namespace);
        command.addAll(List.of(arguments));
        return command.toArray(String[]::new);
    }

    /**
     * What runs a command on this host: in its mount namespace and, when isolated, its network namespace and cgroup.
     * Prefix a command's argv with it.
     */
    public List<String> commandPrefix() {
        List<String> enter = new ArrayList<>(List.of("nsenter", "-t", Long.toString(dockerd.pid()), "-m"));
        if (link == null) {
            enter.add("--");
            return enter;
        }
        enter.addAll(List.of("-n", "--"));
        return List.of("sh", "-c", "echo $$ > '" + cgroup.resolve("cgroup.procs") + "' && exec " + String.join(" ",
                enter) + " \"$@\"", "host");
    }

    /** This host's address on its link (isolated hosts only). */
    public String address() {
        return isolated().network().address();
    }

    /** This machine's end of the host's link, {@value #MACHINE_NAME} on the host (isolated hosts only). */
    public String gatewayAddress() {
        return isolated().network().gatewayAddress();
    }

    /** Takes the host's link down: the host reaches nothing and nothing reaches it, and no connection is closed. */
    public void cutNetwork() {
        run("ip", "link", "set", isolated().network().hostSideLink(), "down");
    }

    /** Brings the host's link back up. */
    public void restoreNetwork() {
        run("ip", "link", "set", isolated().network().hostSideLink(), "up");
    }

    /**
     * Kills every process of the host at once, as a power cut would: its agent, dockerd, containerd and every
     * container. Its disk (the private directories and the engine's data root) stays.
     */
    public void powerOff() {
        isolated();
        for (int round = 0; round < 50; round++) {
            List<Long> pids = processes(cgroup);
            if (pids.isEmpty()) {
                return;
            }
            pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("processes of the host survive SIGKILL: " + processes(cgroup));
    }

    /**
     * Destroys the host as a dead server is gone: every process killed ({@link #powerOff()}), its cgroup and its
     * network namespace removed. Its disk stays: {@link #startIsolated} on the same root brings a stale copy back,
     * engine data, containers and all.
     */
    public synchronized void destroy() {
        powerOff();
        closed = true;
        removeCgroups();
        link.release();
    }

    /** Every process in the cgroup and the cgroups below it (dockerd puts each container into one of its own). */
    private static List<Long> processes(Path cgroup) {
        if (!Files.isDirectory(cgroup)) {
            return List.of();
        }
        try (var tree = Files.walk(cgroup)) {
            List<Long> pids = new ArrayList<>();
            for (Path procs : tree.filter(path -> path.getFileName().toString().equals("cgroup.procs")).toList()) {
                Files.readAllLines(procs).stream().filter(line -> !line.isBlank()).map(Long::parseLong)
                        .forEach(pids::add);
            }
            return pids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TestHosts.ClaimedLink isolated() {
        if (link == null) {
            throw new IllegalStateException("not an isolated host: start it with startIsolated");
        }
        return link;
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
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
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
        if (link != null) {
            powerOff();
            removeCgroups();
            link.release(); // the namespace goes, and its bridge with it
            return;
        }
        try {
            run("ip", "link", "delete", Files.readString(root.resolve("bridge")).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The host's cgroup and those dockerd made below it, deepest first (a cgroup goes only when it is empty). */
    private void removeCgroups() {
        try (var tree = Files.walk(cgroup)) {
            tree.filter(Files::isDirectory).sorted(java.util.Comparator.reverseOrder()).forEach(directory -> {
                try {
                    Files.delete(directory);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot remove the cgroup " + directory, e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
