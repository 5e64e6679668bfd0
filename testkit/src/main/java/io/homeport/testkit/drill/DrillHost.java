package io.homeport.testkit.drill;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.homeport.launcher.process.ManagedProcess;
import io.homeport.testkit.AgentProcess;
import io.homeport.testkit.ExtraDockerEngine;
import io.homeport.testkit.Rclone;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One host of the disaster-recovery drill ({@link DisasterDrill}), on this machine: an isolated engine (testkit
 * {@link ExtraDockerEngine#startIsolated}: its own network namespace, disk, dockerd and cgroup) with the host's agent
 * and its rclone mount of the shared remote, both started inside the host as the Ansible roles would run them.
 */
public final class DrillHost implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(90);
    /** The agents' self-fence window in the drill; the deployer's fence wait there covers it. */
    static final int SELF_FENCE_SECONDS = 5;

    private final String name;
    private final Path home;
    private final ExtraDockerEngine engine;
    private final Path mountPath;
    private ManagedProcess agent;
    private ManagedProcess mount;
    private UUID hostId;

    private DrillHost(String name, Path home, ExtraDockerEngine engine, Path mountPath) {
        this.name = name;
        this.home = home;
        this.engine = engine;
        this.mountPath = mountPath;
    }

    /**
     * Starts the host's engine with {@code volumes} as its own disk, loads {@code images} from
     * this machine's engine, starts its agent with {@code enrollmentKey} and, once the storage-manager has sent the
     * agent its rclone config, the mount of {@code sharedRemote}.
     */
    static DrillHost start(Path repositoryRoot, String name, Path home, Path volumes, Path mountPath, int gatewayPort,
            String enrollmentKey, String sharedRemote, List<String> images) throws Exception {
        // the mount is made in the host's own mount namespace, so the directory itself needs no copy of its own
        Files.createDirectories(mountPath);
        ExtraDockerEngine engine = ExtraDockerEngine.startIsolated("dr-" + name, home.resolve(name),
                List.of(volumes));
        DrillHost host = new DrillHost(name, home, engine, mountPath);
        try {
            images.forEach(engine::copyImage);
            host.startAgent(repositoryRoot, gatewayPort, enrollmentKey);
            host.startMount(sharedRemote);
            return host;
        } catch (Exception | AssertionError e) {
            host.close();
            throw e;
        }
    }

    private void startAgent(Path repositoryRoot, int gatewayPort, String enrollmentKey) throws Exception {
        Path state = home.resolve(name + "-agent");
        agent = AgentProcess.startOn(engine, repositoryRoot, state, Map.of(
                "HOMEPORT_GATEWAY_URL", "http://" + ExtraDockerEngine.MACHINE_NAME + ":" + gatewayPort,
                "HOMEPORT_ENROLLMENT_KEY", enrollmentKey,
                "HOMEPORT_AGENT_HEARTBEAT", "PT1S",
                "HOMEPORT_AGENT_SNAPSHOT", "PT2S",
                "HOMEPORT_AGENT_SELF_FENCE", "PT" + SELF_FENCE_SECONDS + "S",
                "HOMEPORT_RCLONE_CONFIG", rcloneConfig().toString(),
                "HOMEPORT_MOUNT_PATH", mountPath.toString()));
        Path credential = state.resolve("credential.json");
        await(name + "'s agent enrolls").atMost(WAIT).until(() -> Files.exists(credential));
        hostId = UUID.fromString(new ObjectMapper().readTree(credential.toFile()).path("hostId").asText());
    }

    /** {@code rclone mount} as the host's unit runs it: full VFS cache, remote control on the host's loopback. */
    private void startMount(String sharedRemote) {
        await("the storage-manager sends " + name + "'s agent its rclone config").atMost(WAIT)
                .until(() -> Files.exists(rcloneConfig()));
        List<String> command = new ArrayList<>(engine.commandPrefix());
        command.addAll(List.of(Rclone.require(), "mount", sharedRemote + ":", mountPath.toString(),
                "--config", rcloneConfig().toString(), "--vfs-cache-mode", "full", "--vfs-write-back", "1s",
                "--dir-cache-time", "1s", "--cache-dir", home.resolve(name + "-vfs-cache").toString(),
                "--contimeout", "5s", "--timeout", "10s",
                "--rc", "--rc-addr", "127.0.0.1:5572", "--rc-no-auth"));
        mount = ManagedProcess.start(name + "-mount", command, Map.of(), home.resolve(name + "-mount.log"),
                home.resolve(name + "-mount.pid"));
        await(name + "'s mount of the shared remote").atMost(WAIT).until(() -> exec("sh", "-c",
                "grep ' " + mountPath + " ' /proc/self/mountinfo | grep -q fuse.rclone").exitCode() == 0);
    }

    private Path rcloneConfig() {
        return home.resolve(name + "-rclone.conf");
    }

    public String name() {
        return name;
    }

    public UUID hostId() {
        return hostId;
    }

    public ExtraDockerEngine engine() {
        return engine;
    }

    public Path agentLog() {
        return agent.logFile();
    }

    /** The host's copy of a {@code local-synced} volume, as this machine sees it. */
    public Path localVolume(String app, String volume) {
        return engine.privateDirectory(0).resolve(app).resolve(volume);
    }

    /** How many times the agent has connected to the hub since it started, from its log. */
    public long connections() throws IOException {
        try (var lines = Files.lines(agent.logFile(), StandardCharsets.ISO_8859_1)) {
            return lines.filter(line -> line.contains("Connected to the hub")).count();
        }
    }

    /**
     * The longest a sync of the volume took to finish, counted from when it was due, from the agent's log: the data
     * at risk on a {@code local-synced} volume is that of one sync interval and this.
     */
    public Duration longestSyncOf(String app, String volume) throws IOException {
        Pattern synced = Pattern.compile("Synced volume " + Pattern.quote(app + "/" + volume)
                + " in \\d+ ms, (\\d+) ms after it was due");
        try (var lines = Files.lines(agent.logFile(), StandardCharsets.ISO_8859_1)) {
            return Duration.ofMillis(lines.map(synced::matcher).filter(Matcher::find)
                    .mapToLong(matcher -> Long.parseLong(matcher.group(1))).max().orElse(0));
        }
    }

    /** Runs a command inside the host (its namespaces) and returns its exit code and output. */
    public Output exec(String... command) {
        List<String> argv = new ArrayList<>(engine.commandPrefix());
        argv.addAll(List.of(command));
        return Output.of(argv);
    }

    /** {@code docker exec} in one of the host's containers; empty when it does not run. */
    public Optional<byte[]> execIn(String container, String... command) {
        List<String> argv = new ArrayList<>(List.of("docker", "-H", engine.dockerHost(), "exec", container));
        argv.addAll(List.of(command));
        Output output = Output.of(argv);
        return output.exitCode() == 0 ? Optional.of(output.stdout()) : Optional.empty();
    }

    /** Whether the container runs on this host (false when the host's engine is down). */
    public boolean runs(String container) {
        Output inspect = Output.of(List.of("docker", "-H", engine.dockerHost(), "inspect", "--format",
                "{{.State.Running}}", container));
        return inspect.exitCode() == 0 && new String(inspect.stdout(), StandardCharsets.UTF_8).strip().equals("true");
    }

    /** When the container last started and last stopped, as the host's engine recorded it; empty when unknown. */
    public Optional<Instant[]> startedAndFinished(String container) {
        Output inspect = Output.of(List.of("docker", "-H", engine.dockerHost(), "inspect", "--format",
                "{{.State.StartedAt}} {{.State.FinishedAt}}", container));
        if (inspect.exitCode() != 0) {
            return Optional.empty();
        }
        String[] times = new String(inspect.stdout(), StandardCharsets.UTF_8).strip().split(" ");
        return Optional.of(new Instant[] {Instant.parse(times[0]), Instant.parse(times[1])});
    }

    public void cutNetwork() {
        engine.cutNetwork();
    }

    public void restoreNetwork() {
        engine.restoreNetwork();
    }

    /** Every process of the host dies at once: agent, mount, dockerd, containers. */
    public void powerOff() {
        engine.powerOff();
    }

    @Override
    public void close() {
        if (agent != null) {
            agent.stop(Duration.ofSeconds(5));
        }
        if (mount != null) {
            mount.stop(Duration.ofSeconds(5));
        }
        engine.close();
    }

    /** What a command printed and how it exited. */
    public record Output(int exitCode, byte[] stdout) {

        static Output of(List<String> argv) {
            try {
                Process process = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                byte[] stdout = process.getInputStream().readAllBytes();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return new Output(-1, stdout);
                }
                return new Output(process.exitValue(), stdout);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
