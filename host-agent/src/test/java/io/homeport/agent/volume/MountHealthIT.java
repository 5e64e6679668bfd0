package io.homeport.agent.volume;

import static org.assertj.core.api.Assertions.assertThat;

import io.homeport.agent.protocol.MountHealth;
import io.homeport.launcher.process.FreePorts;
import io.homeport.testkit.Fuse;
import io.homeport.testkit.Rclone;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The health of a real FUSE mount of the stand-in cloud ({@code rclone mount --vfs-cache-mode full --rc}, as the
 * Ansible role runs it): healthy with the upload counters while it works; unhealthy, with a message, once it is
 * unmounted, its rclone is killed or it hangs, and a hung mount never holds the check past its timeout.
 */
class MountHealthIT {

    private static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");

    @TempDir
    Path dir;

    private TestCloud cloud;
    private Path mountPoint;
    private Process mount;
    private int rcPort;
    private MountHealthCheck check;
    private final UUID hostId = UUID.randomUUID();

    @BeforeEach
    void mountTheCloud() throws Exception {
        Fuse.require();
        cloud = TestCloud.serve(dir);
        mountPoint = Files.createDirectories(dir.resolve("mnt"));
        rcPort = FreePorts.next();
        mount = new ProcessBuilder(Rclone.require(), "mount", "cloud:", mountPoint.toString(),
                "--vfs-cache-mode", "full", "--vfs-write-back", "1s", "--cache-dir", dir.resolve("cache").toString(),
                "--rc", "--rc-addr", "127.0.0.1:" + rcPort, "--rc-no-auth",
                "--config", dir.resolve("rclone.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mount.log").toFile()).start();
        LocalSyncedVolumeIT.await(() -> new MountTable(MOUNTINFO).isMountPoint(mountPoint), Duration.ofSeconds(20));
        check = new MountHealthCheck(mountPoint, hostId, URI.create("http://127.0.0.1:" + rcPort),
                Duration.ofSeconds(2));
    }

    @AfterEach
    void unmount() throws Exception {
        if (check != null) {
            check.close();
        }
        if (mount != null) {
            new ProcessBuilder("kill", "-CONT", Long.toString(mount.pid())).start().waitFor();
            new ProcessBuilder("fusermount3", "-uz", mountPoint.toString()).start().waitFor(10, TimeUnit.SECONDS);
            mount.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (cloud != null) {
            cloud.close();
        }
    }

    private MountHealth health() throws InterruptedException {
        List<MountHealth> health = check.check();
        assertThat(health).hasSize(1);
        return health.get(0);
    }

    @Test
    void aWorkingMountIsHealthyWithItsUploadCountersAndItsCanaryReachesTheCloud() throws Exception {
        MountHealth health = health();

        assertThat(health.healthy()).as(health.message()).isTrue();
        assertThat(health.path()).isEqualTo(mountPoint.toRealPath().toString());
        assertThat(health.uploadsQueued()).isNotNull();
        assertThat(health.uploadsInProgress()).isNotNull();
        assertThat(health.errors()).isZero();
        assertThat(health.message()).isNull();
        assertThat(health.checkedAt()).isAfter(Instant.now().minusSeconds(30));
        Path canary = cloud.local("cloud:.homeport/canary-" + hostId);
        LocalSyncedVolumeIT.await(() -> Files.exists(canary), Duration.ofSeconds(20));
        assertThat(Files.readString(canary)).matches("[0-9a-f]{64}");
    }

    @Test
    void anUnmountedPathIsReportedNotMounted() throws Exception {
        new ProcessBuilder("fusermount3", "-uz", mountPoint.toString()).start().waitFor(10, TimeUnit.SECONDS);

        MountHealth health = health();

        assertThat(health.healthy()).isFalse();
        assertThat(health.message()).isEqualTo("not mounted");
    }

    @Test
    void aMountWhoseRcloneWasKilledIsUnhealthyAndItsRemoteControlUnknown() throws Exception {
        mount.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

        MountHealth health = health();

        assertThat(health.healthy()).isFalse();
        assertThat(health.message()).startsWith("the canary failed: ");
        assertThat(health.uploadsQueued()).isNull();
        assertThat(health.errors()).isNull();
    }

    @Test
    void aHungMountIsUnhealthyWithinTheTimeoutAndLaterChecksDoNotPileUp() throws Exception {
        new ProcessBuilder("kill", "-STOP", Long.toString(mount.pid())).start().waitFor();

        long started = System.nanoTime();
        MountHealth hung = health();
        MountHealth stillHung = health();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(hung.healthy()).isFalse();
        assertThat(hung.message()).isEqualTo("the canary took longer than 2 s: the mount hangs");
        assertThat(stillHung.message()).endsWith("still hangs: the mount does not answer");
        assertThat(took).isLessThan(Duration.ofSeconds(9)); // 2 s canary, 3 s remote-control timeouts meanwhile
    }

    @Test
    void aHostWithoutTheMountPathReportsNoMountAndAPlainDirectoryIsNotMounted() throws Exception {
        try (MountHealthCheck missing = new MountHealthCheck(dir.resolve("absent"), hostId,
                URI.create("http://127.0.0.1:" + rcPort), Duration.ofSeconds(2));
                MountHealthCheck plain = new MountHealthCheck(Files.createDirectories(dir.resolve("plain")), hostId,
                        URI.create("http://127.0.0.1:" + rcPort), Duration.ofSeconds(2))) {
            assertThat(missing.check()).isEmpty();
            assertThat(plain.check()).singleElement().satisfies(health -> {
                assertThat(health.healthy()).isFalse();
                assertThat(health.message()).isEqualTo("not mounted");
            });
        }
    }
}
