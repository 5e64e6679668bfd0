package io.homeport.agent.volume;

import io.homeport.agent.DaemonThreads;
import io.homeport.agent.protocol.MountHealth;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How the host's mount of the shared remote is doing, checked for every full report: the path must be a mount point
 * (per the kernel's table), a canary file written through it ({@code .homeport/canary-<hostId>}) must read back the
 * same, and rclone's remote-control API must not count new errors since the last check. The canary runs on a thread
 * of its own with a timeout: a hung FUSE mount blocks that thread, never the agent, and while it stays blocked every
 * check reports the mount unhealthy without piling up more. A host without the mount path reports no mount.
 */
public final class MountHealthCheck implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path mountPath;
    private final UUID hostId;
    private final RcloneRemoteControl rc;
    private final MountTable mounts;
    private final Duration timeout;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService canaries = Executors.newSingleThreadExecutor(DaemonThreads.named("mount-canary"));
    private Future<?> canary;
    private Instant canaryStarted;
    private long errorsSeen;

    /**
     * @param rcloneRc the mount's remote-control address ({@code HOMEPORT_RCLONE_RC})
     * @param timeout  how long the canary may take (about 10 s)
     */
    public MountHealthCheck(Path mountPath, UUID hostId, URI rcloneRc, Duration timeout) {
        this(mountPath, hostId, rcloneRc, timeout, Path.of("/proc/self/mountinfo"));
    }

    MountHealthCheck(Path mountPath, UUID hostId, URI rcloneRc, Duration timeout, Path mountinfo) {
        this.mountPath = canonical(mountPath);
        this.hostId = hostId;
        this.rc = new RcloneRemoteControl(rcloneRc);
        this.mounts = new MountTable(mountinfo);
        this.timeout = timeout;
    }

    /** The mount's health, or nothing when this host has no mount path. Returns within about the timeout. */
    public synchronized List<MountHealth> check() throws InterruptedException {
        if (!mounts.isMountPoint(mountPath)) {
            // not a mount point, so looking at the path cannot hang
            return Files.exists(mountPath) ? List.of(unhealthy("not mounted", null)) : List.of();
        }
        CompletableFuture<RcloneRemoteControl.Stats> asked = rc.read(); // meanwhile: the two waits overlap
        String canaryProblem = canaryRoundTrip();
        RcloneRemoteControl.Stats stats = stats(asked);
        if (canaryProblem != null) {
            return List.of(unhealthy(canaryProblem, stats));
        }
        long newErrors = stats.errors() == null ? 0 : stats.errors() - errorsSeen;
        if (stats.errors() != null) {
            errorsSeen = stats.errors();
        }
        String problem = newErrors > 0 ? "rclone counted " + newErrors + " new error(s) since the last check" : null;
        return List.of(new MountHealth(mountPath.toString(), problem == null, stats.uploadsQueued(),
                stats.uploadsInProgress(), stats.errors(), problem, clock.instant()));
    }

    private static RcloneRemoteControl.Stats stats(CompletableFuture<RcloneRemoteControl.Stats> asked)
            throws InterruptedException {
        try {
            return asked.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading rclone's remote control failed", e.getCause());
        }
    }

    /** Null when the canary read back what was written, else what went wrong. */
    private String canaryRoundTrip() throws InterruptedException {
        if (canary != null && !canary.isDone()) {
            return "the canary started " + canaryStarted + " still hangs: the mount does not answer";
        }
        canaryStarted = clock.instant();
        canary = canaries.submit(this::writeAndReadBack);
        try {
            canary.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (TimeoutException e) {
            return "the canary took longer than " + timeout.toSeconds() + " s: the mount hangs";
        } catch (ExecutionException e) {
            return "the canary failed: " + e.getCause().getMessage();
        }
    }

    private Void writeAndReadBack() throws IOException {
        byte[] content = HexFormat.of().formatHex(random()).getBytes(StandardCharsets.US_ASCII);
        Path file = mountPath.resolve(".homeport").resolve("canary-" + hostId);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        byte[] read = Files.readAllBytes(file);
        if (!Arrays.equals(content, read)) {
            throw new IOException(file + " read back " + read.length + " bytes that differ from those written");
        }
        return null;
    }

    private static byte[] random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private MountHealth unhealthy(String problem, RcloneRemoteControl.Stats stats) {
        return new MountHealth(mountPath.toString(), false, stats == null ? null : stats.uploadsQueued(),
                stats == null ? null : stats.uploadsInProgress(), stats == null ? null : stats.errors(), problem,
                clock.instant());
    }

    /** The path as the kernel lists it: its parent resolved (safe: the parent is not the mount), itself not. */
    private static Path canonical(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent == null || !Files.exists(parent)) {
            return absolute;
        }
        try {
            return parent.toRealPath().resolve(absolute.getFileName());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + parent, e);
        }
    }

    @Override
    public void close() {
        canaries.shutdownNow();
    }
}
