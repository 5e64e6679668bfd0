package io.homeport.agent.volume;

import static org.assertj.core.api.Assertions.assertThat;

import io.homeport.agent.command.RcloneCommand;
import io.homeport.agent.protocol.HostVolume;
import io.homeport.agent.protocol.VolumeState;
import io.homeport.agent.reconcile.ActualContainer;
import io.homeport.agent.reconcile.ManagedLabels;
import io.homeport.testkit.GrowingFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local-synced volume moving between two "hosts" (two state directories and two volume directories) through the
 * real rclone and the stand-in cloud: synced byte for byte, what a sync replaces kept, restored byte for byte by the
 * host that takes it over, and never again synced by the host it moved away from.
 */
class LocalSyncedVolumeIT {

    @TempDir
    Path dir;

    private TestCloud cloud;
    private RcloneCommand rclone;
    private final String app = "ls" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void serveTheCloud() throws Exception {
        cloud = TestCloud.serve(dir);
        rclone = cloud.rclone();
    }

    @AfterEach
    void stopTheCloud() {
        rclone.close();
        cloud.close();
    }

    private Volumes host(String name) {
        return new Volumes(UUID.randomUUID(), rclone, dir.resolve(name + "-state"), () -> { }, () -> { });
    }

    private HostVolume volume(String host, long epoch, int interval) {
        return cloud.volume(app, "data", HostVolume.LOCAL_SYNCED, dir.resolve(host + "-volumes/data"), epoch,
                interval);
    }

    private static VolumeState.Lease take(Volumes host, HostVolume volume) {
        return host.leases().check(List.of(volume), List.of(), List.of()).get(volume.key()).status();
    }

    private static void writeFiles(Path root) throws Exception {
        Files.createDirectories(root.resolve("db/base/1"));
        Files.createDirectories(root.resolve("db/pg_tblspc"));
        Files.writeString(root.resolve("notes.md"), "# notes\n");
        Files.writeString(root.resolve("db/PG_VERSION"), "16\n");
        byte[] binary = new byte[1_500_000];
        new Random(42).nextBytes(binary);
        Files.write(root.resolve("db/base/1/16384"), binary);
        Files.write(root.resolve("db/base/1/16385"), new byte[] {0, 1, 2, (byte) 255, 0});
    }

    @Test
    void aVolumeSyncsByteForByteMovesToAnotherHostAndTheOldHostNeverSyncsOverIt() throws Exception {
        Volumes first = host("first");
        HostVolume mine = volume("first", 1, 0);
        assertThat(take(first, mine)).isEqualTo(VolumeState.Lease.HELD);
        assertThat(cloud.readFence(mine)).startsWith("1\n");
        Path local = Path.of(mine.path());
        writeFiles(local);

        assertThat(first.syncNow(mine.key())).isTrue();
        Path remote = cloud.local(mine.remote());
        assertThat(TestCloud.tree(remote)).isEqualTo(TestCloud.tree(local)).hasSize(4);
        assertThat(remote.resolve("db/pg_tblspc")).isEmptyDirectory();

        Files.writeString(local.resolve("notes.md"), "# notes, changed\n");
        Files.delete(local.resolve("db/base/1/16385"));
        assertThat(first.syncNow(mine.key())).isTrue();
        assertThat(TestCloud.tree(remote)).isEqualTo(TestCloud.tree(local));
        Path replaced;
        try (Stream<Path> stamps = Files.list(cloud.local(mine.replaced()))) {
            replaced = stamps.filter(stamp -> stamp.getFileName().toString()
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\dZ")).findFirst().orElseThrow();
        }
        assertThat(replaced.resolve("notes.md")).hasContent("# notes");
        assertThat(replaced.resolve("db/base/1/16385")).hasBinaryContent(new byte[] {0, 1, 2, (byte) 255, 0});
        assertThat(first.states()).singleElement().satisfies(state -> {
            assertThat(state.lease()).isEqualTo(VolumeState.Lease.HELD);
            assertThat(state.lastSyncSucceeded()).isTrue();
            assertThat(state.lastSyncAt()).isAfter(Instant.now().minusSeconds(60));
        });

        Volumes second = host("second");
        HostVolume theirs = volume("second", 2, 0);
        Files.createDirectories(Path.of(theirs.path()));
        Files.writeString(Path.of(theirs.path()).resolve("leftover"), "from an older tenure");
        assertThat(take(second, theirs)).isEqualTo(VolumeState.Lease.HELD);
        Map<String, String> synced = TestCloud.tree(local);
        assertThat(TestCloud.tree(Path.of(theirs.path()))).isEqualTo(synced);
        assertThat(cloud.readFence(theirs)).startsWith("2\n");

        Files.writeString(local.resolve("notes.md"), "written after the lease moved away");
        assertThat(first.syncNow(mine.key())).isFalse();
        assertThat(TestCloud.tree(remote)).isEqualTo(synced);
        assertThat(first.states()).singleElement().satisfies(state -> {
            assertThat(state.lease()).isEqualTo(VolumeState.Lease.STALE);
            assertThat(state.fenceEpoch()).isEqualTo(2L);
            assertThat(state.message()).isEqualTo("lease of " + mine.key()
                    + " is stale (fence holds epoch 2, this host 1)");
        });
        assertThat(take(first, mine)).isEqualTo(VolumeState.Lease.STALE);

        // the lease comes back to the first host: its data, from an older tenure, is restored first
        Files.writeString(Path.of(theirs.path()).resolve("notes.md"), "written on the second host");
        assertThat(second.syncNow(theirs.key())).isTrue();
        HostVolume back = volume("first", 3, 0);
        assertThat(take(first, back)).isEqualTo(VolumeState.Lease.HELD);
        assertThat(TestCloud.tree(local)).isEqualTo(TestCloud.tree(Path.of(theirs.path())));
        assertThat(local.resolve("notes.md")).hasContent("written on the second host");
    }

    @Test
    void aVolumeIsReleasedOnceItsContainersStoppedAndASyncAfterTheStopSucceeded() throws Exception {
        CountDownLatch released = new CountDownLatch(1);
        Volumes host = new Volumes(UUID.randomUUID(), rclone, dir.resolve("releasing-state"), () -> { },
                released::countDown);
        HostVolume volume = volume("releasing", 1, 0);
        ActualContainer running = new ActualContainer("id-app", "hp-" + app + "-0", "busybox", "running", null,
                Map.of(ManagedLabels.VOLUMES, volume.key()));
        host.leases().check(List.of(volume), List.of(), List.of(running));
        Files.writeString(Path.of(volume.path()).resolve("counter"), "1\n");
        assertThat(host.syncNow(volume.key())).isTrue();
        assertThat(host.states()).singleElement().extracting(VolumeState::released)
                .as("in use: a move now would lose what the app writes next").isEqualTo(false);

        Files.writeString(Path.of(volume.path()).resolve("counter"), "1\n2\n");
        host.leases().stopped(Set.of(volume.key()));
        assertThat(released.await(30, TimeUnit.SECONDS)).as("released after the sync that follows the stop").isTrue();
        assertThat(host.states()).singleElement().extracting(VolumeState::released).isEqualTo(true);
        assertThat(cloud.local(volume.remote()).resolve("counter")).hasContent("1\n2\n");

        host.leases().check(List.of(volume), List.of(), List.of(running));
        assertThat(host.states()).singleElement().extracting(VolumeState::released)
                .as("running again").isEqualTo(false);
        host.close();
    }

    @Test
    void aHeldVolumeIsSyncedOnScheduleAndOneWithAnUnreadableFenceIsNot() throws Exception {
        try (Volumes host = host("scheduled").start()) {
            HostVolume volume = volume("scheduled", 1, 1);
            assertThat(take(host, volume)).isEqualTo(VolumeState.Lease.HELD);
            Path remote = cloud.local(volume.remote());
            Files.writeString(Path.of(volume.path()).resolve("written"), "by the app");

            await(() -> Files.exists(remote.resolve("written")), Duration.ofSeconds(15));

            HostVolume cutOff = TestCloud.unreachable(volume);
            assertThat(take(host, cutOff)).isEqualTo(VolumeState.Lease.UNKNOWN);
            Files.writeString(Path.of(volume.path()).resolve("later"), "while the fence cannot be read");
            Thread.sleep(3000);
            assertThat(remote.resolve("later")).doesNotExist();
            assertThat(host.states()).singleElement().satisfies(state -> {
                assertThat(state.lease()).isEqualTo(VolumeState.Lease.UNKNOWN);
                assertThat(state.message()).startsWith("fence dead:fences/" + volume.key() + " unreadable");
            });
        }
    }

    /** An app appends to its files while they are synced: the sync copies what it first saw, and does not fail. */
    @Test
    void aFileAppendedToWhileItIsSyncedIsSyncedAsFirstSeen() throws Exception {
        HostVolume volume = volume("busy", 1, 0);
        Path log = Path.of(volume.path()).resolve("app.log");
        try (GrowingFile growing = GrowingFile.start(log)) {
            for (int sync = 0; sync < 5; sync++) {
                new VolumeCopies(rclone).sync(volume, Instant.now());
            }
        }
        assertThat(cloud.local(volume.remote()).resolve("app.log")).content().startsWith("started\nline 0\n");
    }

    static void await(java.util.function.BooleanSupplier condition, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + within);
            }
            Thread.sleep(100);
        }
    }
}
