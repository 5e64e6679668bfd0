package io.homeport.e2e;

import static io.homeport.testkit.drill.DisasterDrill.APPS;
import static io.homeport.testkit.drill.DisasterDrill.SHARED;
import static io.homeport.testkit.drill.DisasterDrill.SYNCED;
import static io.homeport.testkit.drill.DisasterDrill.SYNC_SECONDS;
import static io.homeport.testkit.drill.DisasterDrill.WAIT;
import static io.homeport.testkit.drill.DisasterDrill.container;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.homeport.agent.docker.DockerClients;
import io.homeport.agent.protocol.ContainerState;
import io.homeport.events.agent.AgentReported;
import io.homeport.events.storage.VolumeReady;
import io.homeport.testkit.drill.DisasterDrill;
import io.homeport.testkit.drill.DisasterDrill.Carried;
import io.homeport.testkit.drill.DisasterDrill.Counted;
import io.homeport.testkit.drill.DrillHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Disaster recovery end to end (brief §5), on the drill of testkit {@link DisasterDrill}: two hosts in namespaces of
 * their own, the whole control plane, real rclone and the Cloudflare stand-in; an app on a {@code shared} volume and
 * one on a {@code local-synced} volume, both counting, both exposed, both with failover policy {@code auto}.
 *
 * <ol>
 *   <li>Host A's network is cut: A is LOST and both apps run on host B with their data and hostnames; A killed the
 *       app on the {@code local-synced} volume (self-fenced) before B started it.</li>
 *   <li>A's network comes back: A never reports the moved apps running, and nothing it wrote while cut off lands on
 *       the shared volume.</li>
 *   <li>B is evacuated (planned) to A: no counter value is lost.</li>
 *   <li>A is powered off (agent, dockerd and containers killed at once): both apps run on B again.</li>
 *   <li>Through all of it, each volume had one holder at a time, each change with a higher fencing epoch.</li>
 * </ol>
 */
class DisasterRecoveryIT {

    private static DisasterDrill drill;
    private static DrillHost hostA;
    private static DrillHost hostB;
    private static final List<String> figures = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        drill = DisasterDrill.start(Path.of(".."), DockerClients.connect(DockerClients.DEFAULT_HOST));
        hostA = drill.hostA();
        hostB = drill.hostB();
    }

    @AfterAll
    static void stop() {
        figures.forEach(System.out::println);
        if (drill != null) {
            drill.close();
        }
    }

    @Test
    void aLostHostsAppsComeBackElsewhereWithTheirDataAndHostnames() throws Exception {
        drill.awaitServed(hostA);
        drill.awaitCounting(hostA, SYNCED, SYNC_SECONDS + 2); // a sync or two has happened
        drill.awaitCounting(hostA, SHARED, 3);

        // 1. the network of host A is cut
        Map<String, Counted> before = drill.lastValues(hostA);
        Instant cut = Instant.now();
        hostA.cutNetwork();
        long syncedAtCut = syncedInTheCloud(before);
        Instant lost = drill.awaitLiveness(hostA, "LOST");
        Instant serving = drill.awaitServed(hostB);
        figures.add(String.format("network cut: detected after %.1f s, serving again %.1f s after detection",
                seconds(cut, lost), seconds(lost, serving)));
        long sharedCarried = assertCarried(hostA, before, SHARED, 2); // the mount's write-back is 1 s
        assertSyncedCarried(hostA, before, syncedAtCut);
        assertSharedSeedIntact(hostB);
        assertStoppedBeforeStarted(hostA, hostB, SYNCED);

        // 2. host A comes back: it never reports what moved away running, and writes nothing over it
        Instant restored = Instant.now();
        long connections = hostA.connections();
        hostA.restoreNetwork();
        await("host A's agent dials the hub again").atMost(WAIT).until(() -> hostA.connections() > connections);
        drill.awaitLiveness(hostA, "ONLINE");
        await("host A's moved containers are stopped").atMost(Duration.ofSeconds(10))
                .until(() -> !hostA.runs(container(SHARED)) && !hostA.runs(container(SYNCED)));
        assertThat(runningReported(hostA, restored)).as("apps host A reported running after it came back").isEmpty();
        List<String[]> writtenOnB = drill.lines(hostB, SHARED).stream()
                .filter(fields -> Long.parseLong(fields[1]) > sharedCarried).toList();
        assertNothingWrittenAfterTheMove(before.get(SHARED).writer(), sharedCarried, writtenOnB);

        // 3. a planned evacuation of host B to host A loses nothing
        Map<String, String> writersOnB = Map.of(SHARED, drill.lastValue(hostB, SHARED).writer(), SYNCED,
                drill.lastValue(hostB, SYNCED).writer());
        Instant evacuated = Instant.now();
        drill.evacuate(hostB);
        Instant servedOnA = drill.awaitServed(hostA);
        figures.add(String.format("planned evacuation: serving on the other host after %.1f s",
                seconds(evacuated, servedOnA)));
        // what B's containers wrote last, read where it stays: the cloud's file, and B's own copy on its disk
        Map<String, Counted> planned = Map.of(
                SHARED, DisasterDrill.lastWrittenBy(writersOnB.get(SHARED), drill.sharedCounterInTheCloud()),
                SYNCED, DisasterDrill.lastWrittenBy(writersOnB.get(SYNCED),
                        hostB.localVolume(SYNCED, "data").resolve("counts")));
        assertThat(planned.values()).as("what B wrote last").allMatch(counted -> counted.value() > 0);
        assertCarried(hostB, planned, SHARED, 0);
        assertCarried(hostB, planned, SYNCED, 0);
        drill.undrain(hostB);

        // 4. host A loses power
        drill.awaitCounting(hostA, SYNCED, SYNC_SECONDS + 2);
        before = drill.lastValues(hostA);
        Instant powerOff = Instant.now();
        hostA.powerOff();
        syncedAtCut = syncedInTheCloud(before);
        lost = drill.awaitLiveness(hostA, "LOST");
        serving = drill.awaitServed(hostB);
        figures.add(String.format("power off: detected after %.1f s, serving again %.1f s after detection",
                seconds(powerOff, lost), seconds(lost, serving)));
        assertCarried(hostA, before, SHARED, 2);
        assertSyncedCarried(hostA, before, syncedAtCut);
        assertSharedSeedIntact(hostB);

        // 5. one writable lease at a time
        assertOneHolderAtATime();
        // 6. host A's view says what left it, when and why
        assertThat(given().auth().oauth2(drill.adminToken()).get(drill.gateway() + "/api/v1/hosts/" + hostA.hostId()
                + "/moves").then().statusCode(200).extract().jsonPath().getList("findAll { it.from == '"
                        + hostA.hostId() + "' && it.state == 'moved' }.reason", String.class))
                .as("moves off host A").containsOnly("host-lost").hasSize(4);
    }

    /** The app moved off {@code from}, where its container had counted to {@code before}: what the other carried. */
    private static long assertCarried(DrillHost from, Map<String, Counted> before, String app, long mostLost) {
        Carried carried = drill.carried(from, drill.other(from), app, before.get(app));
        figures.add(String.format("%s (%s -> %s): counted to %d before, carried %d, lost %d value(s)", app,
                carried.from(), carried.to(), carried.before(), carried.carried(), carried.lost()));
        assertThat(carried.lost()).as(app + ": counter values lost moving from " + carried.from() + " to "
                + carried.to()).isLessThanOrEqualTo(mostLost);
        long highest = carried.values().get(carried.values().size() - 1);
        assertThat(new java.util.TreeSet<>(carried.values())).as(app + " counts on, one by one, on host "
                + carried.to()).isEqualTo(new java.util.TreeSet<>(java.util.stream.LongStream.rangeClosed(1, highest)
                        .boxed().toList()));
        return carried.carried();
    }

    /** The last count host A's {@code local-synced} app had synced to the cloud when it was cut off. */
    private static long syncedInTheCloud(Map<String, Counted> before) throws IOException {
        return DisasterDrill.lastWrittenBy(before.get(SYNCED).writer(), drill.syncedCounterInTheCloud()).value();
    }

    /**
     * The {@code local-synced} app lost nothing its last sync had put in the cloud, and at most what was written
     * since that sync began: one sync interval and the time the sync took (from the agent's log), and the write in
     * flight.
     */
    private static void assertSyncedCarried(DrillHost from, Map<String, Counted> before, long syncedAtCut)
            throws IOException {
        Duration longestSync = from.longestSyncOf(SYNCED, "data");
        figures.add(String.format("%s: %d synced to the cloud at the cut; longest sync on host %s %d ms after due",
                SYNCED, syncedAtCut, from.name(), longestSync.toMillis()));
        long carried = assertCarried(from, before, SYNCED,
                SYNC_SECONDS + 1 + (longestSync.toMillis() + 999) / 1000);
        assertThat(carried).as(SYNCED + ": carried from the synced copy, which held " + syncedAtCut + " at the cut")
                .isGreaterThanOrEqualTo(syncedAtCut);
    }

    /** A file seeded into the shared volume before the app first ran reads the same on the new host. */
    private static void assertSharedSeedIntact(DrillHost host) throws Exception {
        byte[] seen = host.execIn(container(SHARED), "cat", "/data/seed/blob.bin").orElseThrow();
        assertThat(sha256(seen)).as("the shared seed as host " + host.name() + " reads it")
                .isEqualTo(sha256(Files.readAllBytes(drill.sharedSeedInTheCloud())));
    }

    /**
     * The old host, cut off, killed the app (its agent self-fenced) before the new host started it, as the two
     * engines recorded it: two hosts never ran the app on its volume at once.
     */
    private static void assertStoppedBeforeStarted(DrillHost old, DrillHost now, String app) {
        await(app + " stops on the cut-off host " + old.name()).atMost(WAIT).until(() -> !old.runs(container(app)));
        Instant stopped = old.startedAndFinished(container(app)).orElseThrow()[1];
        Instant started = now.startedAndFinished(container(app)).orElseThrow()[0];
        figures.add(String.format("%s: stopped on %s %.1f s before it started on %s", app, old.name(),
                seconds(stopped, started), now.name()));
        assertThat(stopped).as(app + " stopped on " + old.name() + " before it started on " + now.name())
                .isBefore(started);
    }

    /**
     * A shared volume's app on a cut-off host blocks in the mount (its writes cannot reach the remote), and its agent
     * kills it. Once the host is back, its mount uploads what it wrote before the cut and had not uploaded yet: that
     * may land after the move (it is printed, a known gap, see the README), but nothing the new host wrote since is
     * lost or replaced.
     */
    private static void assertNothingWrittenAfterTheMove(String oldWriter, long carried, List<String[]> newWrites)
            throws Exception {
        Thread.sleep(10_000); // the old host's mount retries its uploads every 2 s
        List<String[]> lines = DisasterDrill.lines(drill.sharedCounterInTheCloud());
        long late = lines.stream().filter(fields -> fields[0].equals(oldWriter) && Long.parseLong(fields[1]) > carried)
                .count();
        figures.add("shared: " + late + " count(s) the cut-off host wrote before the cut landed after the move");
        List<String> now = lines.stream().map(fields -> fields[0] + " " + fields[1]).toList();
        assertThat(now).as("everything the new host wrote to the shared volume is still there")
                .containsAll(newWrites.stream().map(fields -> fields[0] + " " + fields[1]).toList());
    }

    /** The apps' containers the host's agent reported running after {@code since}, once its reports are in. */
    private static List<String> runningReported(DrillHost host, Instant since) {
        await("full reports from host " + host.name()).atMost(WAIT).until(() -> drill.reportsOf(host, since)
                .stream().filter(AgentReported::full).count() >= 2);
        List<String> running = new ArrayList<>();
        for (AgentReported report : drill.reportsOf(host, since)) {
            report.containers().stream().filter(c -> "running".equals(c.state())).map(ContainerState::name)
                    .filter(name -> APPS.stream().anyMatch(app -> container(app).equals(name)))
                    .forEach(name -> running.add(name + " at " + report.at()));
        }
        return running;
    }

    /**
     * The storage-manager's grants, volume by volume: one holder at a time, A, B, A, B, and each change of holder
     * with a higher epoch (the agents refuse a lower one), so no two hosts ever held a writable lease at once.
     */
    private static void assertOneHolderAtATime() {
        await("the lease grants on the event log").atMost(WAIT).until(() -> drill.grants().stream()
                .filter(ready -> ready.previousHostId() != null).count() >= 6);
        for (String app : APPS) {
            String volume = app + "/data";
            List<VolumeReady> granted = drill.grants().stream()
                    .filter(ready -> (ready.app() + "/" + ready.volume()).equals(volume)).toList();
            List<UUID> holders = new ArrayList<>();
            for (int i = 0; i < granted.size(); i++) {
                VolumeReady ready = granted.get(i);
                if (holders.isEmpty() || !holders.get(holders.size() - 1).equals(ready.hostId())) {
                    holders.add(ready.hostId());
                }
                if (i > 0 && !ready.hostId().equals(granted.get(i - 1).hostId())) {
                    assertThat(ready.lease().epoch()).as(volume + " moved to " + ready.hostId()
                            + " with a higher epoch").isGreaterThan(granted.get(i - 1).lease().epoch());
                    assertThat(ready.previousHostId()).as(volume + ": the previous holder named")
                            .isEqualTo(granted.get(i - 1).hostId());
                }
            }
            assertThat(holders).as(volume + "'s holders in turn").containsExactly(hostA.hostId(), hostB.hostId(),
                    hostA.hostId(), hostB.hostId());
        }
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
