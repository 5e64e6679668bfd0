package io.homeport.agent;

import com.github.dockerjava.api.DockerClient;
import io.homeport.agent.command.CommandRunner;
import io.homeport.agent.command.RcloneCommand;
import io.homeport.agent.docker.ContainerChange;
import io.homeport.agent.docker.ContainerChanges;
import io.homeport.agent.docker.DockerActions;
import io.homeport.agent.docker.DockerClients;
import io.homeport.agent.docker.HostContainers;
import io.homeport.agent.docker.Outcome;
import io.homeport.agent.docker.ReconcilePass;
import io.homeport.agent.docker.RestartCounts;
import io.homeport.agent.facts.HostFactsReader;
import io.homeport.agent.hub.Credential;
import io.homeport.agent.hub.SealingKey;
import io.homeport.agent.netdata.NetdataDisks;
import io.homeport.agent.protocol.ContainerSpec;
import io.homeport.agent.protocol.ContainerState;
import io.homeport.agent.protocol.DiskUsage;
import io.homeport.agent.protocol.Frame;
import io.homeport.agent.protocol.Frames;
import io.homeport.agent.protocol.HostFacts;
import io.homeport.agent.protocol.MountHealth;
import io.homeport.agent.protocol.MessageAssembler;
import io.homeport.agent.protocol.SecretSealing;
import io.homeport.agent.reconcile.ActualContainer;
import io.homeport.agent.reconcile.ManagedLabels;
import io.homeport.agent.volume.MountHealthCheck;
import io.homeport.agent.volume.Volumes;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jose4j.jwk.PublicJsonWebKey;

/**
 * The agent: dials out to the hub, says hello with the host's facts, reports container state (full snapshots
 * periodically, deltas from Docker events as they happen) and reconciles the host to each desired state it
 * receives, re-applying the last one periodically to heal drift; runs the hub's one-shot commands. When the hub is unreachable the containers keep
 * running and the agent redials with jittered exponential backoff. Closing the agent stops no container.
 *
 * <p>Volumes: every reconcile pass, the periodic one too, reads the fences of the desired state's volumes, so a
 * container runs only with a valid lease and one whose lease moved to another host stops within one snapshot
 * interval even when this host cannot reach the hub; local-synced volumes are synced on schedule ({@link Volumes}).
 * Full reports carry the volumes' state and the health of the shared mount ({@link MountHealthCheck}), checked on a
 * thread of its own so a hung mount delays no heartbeat, and the host's disk usage from Netdata ({@link NetdataDisks}).
 * Every container state carries its restart count ({@link RestartCounts}).
 */
public final class Agent implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Agent.class.getName());
    /**
     * The longest wait between dials: short enough that an agent whose network comes back reconnects before the
     * provisioner declares its host lost again (a host is lost 10 s after it was suspect).
     */
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    /** The least time without a word from the hub after which its connection is taken for dead. */
    private static final Duration MIN_SILENCE = Duration.ofSeconds(10);
    /** How long a (re)connect waits for the fencing pass and the containers it killed. */
    private static final Duration FENCE_FIRST_WAIT = Duration.ofSeconds(20);
    /** At most this long between reconcile passes, whatever the snapshot interval. */
    private static final Duration HEAL_INTERVAL = Duration.ofSeconds(5);
    static final String VERSION = "0.1.0";

    private final AgentConfig config;
    private final DockerClient docker;
    private final HostContainers host;
    private volatile ReconcilePass reconcile;
    private final HostFactsReader facts;
    private final RestartCounts restarts;
    private final NetdataDisks disks;
    private final CommandRunner commands;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("agent"));
    private final ExecutorService reconciler = Executors.newSingleThreadExecutor(DaemonThreads.named("reconcile"));
    private final ExecutorService snapshots = Executors.newSingleThreadExecutor(DaemonThreads.named("snapshot"));
    private final PublicJsonWebKey sealingKey;
    private final DockerActions dockerActions;
    private final RcloneCommand volumeRclone;
    private volatile Volumes volumes;
    private volatile MountHealthCheck mountHealth;
    private String lastHeldSummary;
    private volatile Credential credential;
    private volatile Frame.Desired desired;
    /** The hub retired this agent ({@link #retire}). */
    private volatile boolean retired;
    private volatile WebSocket socket;
    private volatile long lastHeardNanos;
    /**
     * A periodic pass waits in the reconciler's queue: no other is queued behind it (slow passes, e.g. with fences
     * unreadable during a network cut, would otherwise pile up).
     */
    private final AtomicBoolean passQueued = new AtomicBoolean();
    private volatile boolean running = true;
    private ContainerChanges changes;
    private int attempt;

    public Agent(AgentConfig config) {
        this.config = config;
        this.docker = DockerClients.connect(config.dockerHost());
        this.host = new HostContainers(docker);
        this.sealingKey = SealingKey.loadOrCreate(config.stateDir());
        this.dockerActions = new DockerActions(docker, sealingKey);
        this.reconcile = new ReconcilePass(host, dockerActions);
        this.volumeRclone = new RcloneCommand(config.rclone(), config.rcloneConfig());
        this.facts = new HostFactsReader(config.hostRoot(), docker);
        this.restarts = RestartCounts.of(docker);
        this.disks = new NetdataDisks(config.netdataUrl());
        this.commands = new CommandRunner(docker, config.rclone(), config.rcloneConfig(), sealingKey);
    }

    public void start() {
        HostFacts hostFacts = facts.read();
        credential = Credential.loadOrEnroll(config.stateDir(), config.gatewayUrl(), config.enrollmentKey(),
                hostFacts.hostname());
        LOG.info(() -> "Agent " + VERSION + " for host " + credential.hostId() + " dialing " + config.gatewayUrl());
        volumes = new Volumes(credential.hostId(), volumeRclone, config.stateDir(), config.selfFence(),
                this::reconcileNow,
                this::sendSnapshot).start();
        mountHealth = new MountHealthCheck(config.mountPath(), credential.hostId(), config.rcloneRc(),
                Duration.ofSeconds(10));
        reconcile = new ReconcilePass(host, dockerActions, volumes.leases());
        changes = ContainerChanges.follow(docker, restarts, this::onChange);
        long heartbeat = config.heartbeatInterval().toMillis();
        long snapshot = config.snapshotInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::sendSnapshot, snapshot, snapshot, TimeUnit.MILLISECONDS);
        // the pass that heals drift also reads the volumes' fences: often enough that a host cut off from its remote
        // stops writing soon after its self-fence window, whatever the snapshot interval
        long heal = Math.min(snapshot, HEAL_INTERVAL.toMillis());
        scheduler.scheduleWithFixedDelay(this::reconcileNow, heal, heal, TimeUnit.MILLISECONDS);
        connect();
    }

    private void connect() {
        if (!running) {
            return;
        }
        URI hub = URI.create(config.gatewayUrl().toString().replaceFirst("^http", "ws") + "/api/v1/agents/connect");
        http.newWebSocketBuilder()
                .header("Authorization", "Bearer " + credential.secret())
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(hub, new HubListener())
                .whenComplete((connected, failure) -> {
                    if (failure != null) {
                        LOG.warning("Cannot reach the hub at " + hub + ": " + failure.getMessage());
                        redial();
                        return;
                    }
                    fenceFirst();
                    lastHeardNanos = System.nanoTime();
                    socket = connected;
                    attempt = 0;
                    LOG.info("Connected to the hub");
                    send(new Frame.Hello(Frames.PROTOCOL_VERSION, VERSION, credential.hostId(), facts.read(),
                            SecretSealing.publicJwk(sealingKey)));
                    sendSnapshot();
                });
    }

    /**
     * A heartbeat frame and a WebSocket ping. A connection the hub has not answered on for {@link #silenceLimit()}
     * (no frame, no pong) is dead even if TCP has not noticed, e.g. while this host's network was cut: it is dropped
     * and dialed anew, so the agent learns its desired state as soon as the hub can be reached again.
     */
    private void heartbeat() {
        WebSocket current = socket;
        if (current != null && System.nanoTime() - lastHeardNanos > silenceLimit().toNanos()) {
            LOG.warning("The hub has not answered for " + silenceLimit().toSeconds() + " s; redialing");
            socket = null;
            current.abort();
            redial();
            return;
        }
        send(new Frame.Heartbeat(Instant.now()));
        ping();
    }

    private Duration silenceLimit() {
        Duration threeBeats = config.heartbeatInterval().multipliedBy(3);
        return threeBeats.compareTo(MIN_SILENCE) > 0 ? threeBeats : MIN_SILENCE;
    }

    private synchronized void ping() {
        WebSocket current = socket;
        if (current != null && !current.isOutputClosed()) {
            current.sendPing(ByteBuffer.allocate(0));
        }
    }

    /** Jittered exponential backoff: 1 s, 2 s, 4 s ... up to 10 s, each scaled by a random 50–100 %. */
    private void redial() {
        socket = null;
        if (!running) {
            return;
        }
        long base = Math.min(MAX_BACKOFF.toMillis(), 1000L << Math.min(attempt++, 5));
        long delay = (long) (base * (0.5 + ThreadLocalRandom.current().nextDouble() * 0.5));
        scheduler.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    private void onFrame(Frame frame) {
        if (frame instanceof Frame.Desired next) {
            desired = next;
            reconciler.submit(() -> apply(next));
        } else if (frame instanceof Frame.Command command) {
            commands.submit(command, this::send);
        }
    }

    /**
     * Before anything is said to the hub on a (re)connect: a reconcile pass over the last desired state, and a wait
     * (at most {@link #FENCE_FIRST_WAIT}) until the containers it killed are gone. A host back after a network cut
     * thus stops the apps whose leases moved away before it reports, and never reports them running; a container
     * blocked on the shared mount dies only once the mount answers again.
     */
    private void fenceFirst() {
        Frame.Desired current = desired;
        if (current == null) {
            return;
        }
        try {
            List<Outcome> outcomes = reconciler.submit(() -> apply(current)).get(FENCE_FIRST_WAIT.toSeconds(),
                    TimeUnit.SECONDS);
            List<String> killed = outcomes.stream().filter(Outcome::killed).map(Outcome::container).toList();
            long deadline = System.nanoTime() + FENCE_FIRST_WAIT.toNanos();
            while (!killed.isEmpty() && System.nanoTime() < deadline && host.all().stream()
                    .anyMatch(container -> container.running() && killed.contains(container.name()))) {
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warning("Fencing before reporting did not finish: " + e.getMessage());
        }
    }

    private List<Outcome> apply(Frame.Desired state) {
        try {
            List<Outcome> outcomes = reconcile.run(state.containers(), state.volumes());
            boolean succeeded = outcomes.stream().allMatch(Outcome::succeeded);
            String summary = Outcome.summary(outcomes);
            if (worthReporting(outcomes, summary)) {
                send(new Frame.Result(null, state.revision(), succeeded, summary,
                        succeeded ? null : Frame.Failure.FAILED));
                sendSnapshot();
            }
            return outcomes;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reconciling revision " + state.revision() + " failed", e);
            send(new Frame.Result(null, state.revision(), false, String.valueOf(e.getMessage()),
                    Frame.Failure.FAILED));
            return List.of();
        }
    }

    /**
     * A pass that only holds containers back (no lease) repeats every period: its result is sent again only when
     * what it says changes.
     */
    private boolean worthReporting(List<Outcome> outcomes, String summary) {
        if (outcomes.isEmpty()) {
            lastHeldSummary = null;
            return false;
        }
        if (outcomes.stream().allMatch(Outcome::held)) {
            boolean changed = !summary.equals(lastHeldSummary);
            lastHeldSummary = summary;
            return changed;
        }
        lastHeldSummary = null;
        return true;
    }

    /**
     * The hub retired this agent: its host was replaced or decommissioned, and what ran here runs elsewhere now. Every container Homeport placed here is stopped and removed (volumes stay on disk; a volume
     * whose lease moved is never synced again), and the host keeps that empty desired state: the hub gives it no
     * other. The agent keeps dialing, so the refusal is applied again after every restart.
     */
    private void retire(String reason) {
        if (!retired) {
            retired = true;
            LOG.severe("The hub refused this agent: " + reason + ". Stopping every container Homeport placed on this "
                    + "host; enroll the agent anew to use the host again");
        }
        Frame.Desired none = new Frame.Desired(Long.MAX_VALUE, List.of(), List.of());
        desired = none;
        reconciler.submit(() -> apply(none));
    }

    /** Queues a pass over the last desired state: to heal drift, re-check leases, or after a lease went stale. */
    private void reconcileNow() {
        if (desired != null && passQueued.compareAndSet(false, true)) {
            reconciler.submit(() -> {
                passQueued.set(false);
                apply(desired);
            });
        }
    }

    /**
     * A delta straight from the event: no need to ask the engine again, and a destroyed container is reported too.
     * A change to a start-first successor (its health, above all) also re-runs the reconcile pass at once, so a
     * healthy successor takes over without waiting for the next periodic pass.
     */
    private void onChange(ContainerChange change) {
        send(new Frame.Report(false, List.of(toState(change, config.exposurePrefixes(), restarts)), Instant.now()));
        if (change.managed() && change.name().endsWith(ContainerSpec.SUCCESSOR_SUFFIX)) {
            reconcileNow();
        }
    }

    /** A full report, assembled off the scheduler's thread: checking the mount may take up to its timeout. */
    private void sendSnapshot() {
        snapshots.execute(() -> {
            List<MountHealth> mounts = mounts();
            List<DiskUsage> diskUsage = disks.read();
            List<ContainerState> containers = host.all().stream()
                    .map(container -> toState(container, config.exposurePrefixes(), restarts)).toList();
            send(new Frame.Report(true, containers, Instant.now(), mounts, volumes.states(), diskUsage));
        });
    }

    private List<MountHealth> mounts() {
        try {
            return mountHealth.check();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Checking the mount at " + config.mountPath() + " failed", e);
            return List.of();
        }
    }

    static ContainerState toState(ActualContainer container, List<String> exposurePrefixes, RestartCounts restarts) {
        return state(container.id(), container.name(), container.image(),
                container.state(), container.health(), container.labels(), exposurePrefixes,
                restarts.count(container.id()));
    }

    /** Docker event attributes carry the container's name, image and labels. */
    static ContainerState toState(ContainerChange change, List<String> exposurePrefixes, RestartCounts restarts) {
        String action = change.action();
        String health = action.startsWith("health_status: ") ? action.substring("health_status: ".length()) : null;
        String state = switch (action) {
            case "die", "oom" -> "exited";
            case "destroy" -> "removed";
            default -> "running"; // start and health_status
        };
        return state(change.containerId(), change.name(), change.labels().get("image"), state, health,
                change.labels(), exposurePrefixes, "destroy".equals(action) ? null
                        : restarts.count(change.containerId()));
    }

    private static ContainerState state(String id, String name, String image, String state, String health,
            Map<String, String> labels, List<String> exposurePrefixes, Integer restartCount) {
        String revision = labels.get(ManagedLabels.REVISION);
        return new ContainerState(id, name, image, state, health, ManagedLabels.isManaged(labels),
                labels.get(ManagedLabels.APP), revision == null ? null : Long.valueOf(revision),
                labels.get(ManagedLabels.SPEC_HASH), null, ContainerState.exposureLabels(labels, exposurePrefixes),
                restartCount);
    }

    /** Frames go out one at a time (the JDK WebSocket allows one outstanding send); dropped when offline. */
    private synchronized void send(Frame frame) {
        WebSocket current = socket;
        if (current == null || current.isOutputClosed()) {
            return;
        }
        try {
            current.sendText(Frames.write(frame), true).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warning("Could not send a " + frame.getClass().getSimpleName() + " frame: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        running = false;
        WebSocket current = socket;
        if (current != null) {
            current.sendClose(WebSocket.NORMAL_CLOSURE, "agent stopping").exceptionally(e -> null);
        }
        scheduler.shutdownNow();
        reconciler.shutdownNow();
        snapshots.shutdownNow();
        commands.close();
        if (volumes != null) {
            volumes.close(); // the sync schedule stops; the containers keep running
            mountHealth.close();
        }
        volumeRclone.close();
        try {
            if (changes != null) {
                changes.close();
            }
            docker.close();
        } catch (IOException e) {
            LOG.fine("closing the Docker client: " + e.getMessage());
        }
    }

    private final class HubListener implements WebSocket.Listener {
        private final MessageAssembler messages = new MessageAssembler();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            lastHeardNanos = System.nanoTime();
            String text = messages.append(data, last);
            if (text != null) {
                try {
                    onFrame(Frames.read(text));
                } catch (RuntimeException e) {
                    LOG.warning("Ignoring a frame from the hub: " + e.getMessage());
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            lastHeardNanos = System.nanoTime();
            webSocket.request(1);
            return null; // the JDK answers the ping with a pong itself
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            lastHeardNanos = System.nanoTime();
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            if (statusCode == Frames.CLOSE_RETIRED) {
                retire(reason);
            }
            if (webSocket == socket) {
                LOG.warning("The hub closed the connection (" + statusCode + " " + reason + "); redialing");
                redial();
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            if (webSocket == socket) {
                LOG.warning("Connection to the hub failed: " + error.getMessage() + "; redialing");
                redial();
            }
        }
    }
}
