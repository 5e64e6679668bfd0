package io.homeport.bench;

import io.homeport.agent.command.RcloneCommand;
import io.homeport.agent.protocol.HostVolume;
import io.homeport.agent.volume.Fence;
import io.homeport.agent.volume.FenceRecord;
import io.homeport.agent.volume.VolumeCopies;
import io.homeport.testkit.SftpCloud;
import io.homeport.testkit.FileTrees;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A {@code local-synced} volume's data path through Homeport against plain {@code rclone sync} of the same data in
 * the same run, alternating which goes first: the sync (the agent's fence check, then its {@code rclone sync
 * --backup-dir}) and the restore on takeover (fence check, fence claim, {@code rclone sync} back) of MiB of data
 * (default 1024) across FILES files (default 2048, in nested directories), against a real {@code rclone serve sftp}
 * on loopback. Each copy is checked byte for byte (sha256 over the tree) outside the timings. Target (issue 6):
 * Homeport at most 1.1 × plain rclone.
 */
public final class StorageSyncBench {

    private static final String REMOTE = "cloud";

    public static void main(String[] args) throws Exception {
        int mib = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        int files = args.length > 1 ? Integer.parseInt(args[1]) : 2048;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path home = Files.createTempDirectory("homeport-bench-storage");
        Path data = home.resolve("data");
        System.out.printf("Writing %d MiB across %d files ...%n", mib, files);
        write(data, mib, files);
        Map<String, String> digest = FileTrees.sha256s(data);
        List<Double> plainSync = new ArrayList<>();
        List<Double> homeportSync = new ArrayList<>();
        List<Double> plainRestore = new ArrayList<>();
        List<Double> homeportRestore = new ArrayList<>();
        try (SftpCloud cloud = SftpCloud.serve(home.resolve("cloud"))) {
            Path config = home.resolve("rclone.conf");
            Files.writeString(config, cloud.remoteSection(REMOTE));
            try (RcloneCommand rclone = new RcloneCommand("rclone", config)) {
                Fence fence = new Fence(rclone);
                VolumeCopies copies = new VolumeCopies(rclone);
                for (int round = 1; round <= rounds; round++) {
                    String plain = REMOTE + ":plain-" + round;
                    HostVolume volume = new HostVolume("bench", "data-" + round, HostVolume.LOCAL_SYNCED,
                            data.toString(), REMOTE + ":synced-" + round + "/current",
                            REMOTE + ":synced-" + round + "/replaced", REMOTE + ":leases/data-" + round, 1, 300);
                    Runnable plainSyncRun = () -> plainSync.add(seconds(() -> plainRclone(config, data.toString(),
                            plain)));
                    Runnable homeportSyncRun = () -> homeportSync.add(seconds(() -> {
                        fence.read(volume.fence());
                        copies.sync(volume, Instant.now());
                    }));
                    inOrder(round, plainSyncRun, homeportSyncRun);

                    Path plainTarget = home.resolve("restore-plain-" + round);
                    HostVolume restored = new HostVolume(volume.app(), volume.name(), volume.mode(),
                            home.resolve("restore-homeport-" + round).toString(), volume.remote(), volume.replaced(),
                            volume.fence(), 2, 300);
                    Runnable plainRestoreRun = () -> plainRestore.add(seconds(() -> plainRclone(config, plain,
                            plainTarget.toString())));
                    Runnable homeportRestoreRun = () -> homeportRestore.add(seconds(() -> {
                        fence.read(restored.fence());
                        fence.write(restored.fence(), new FenceRecord(2, UUID.randomUUID().toString(), Instant.now()));
                        copies.restore(restored);
                    }));
                    inOrder(round, plainRestoreRun, homeportRestoreRun);

                    check("plain restore", digest, plainTarget);
                    check("Homeport restore", digest, Path.of(restored.path()));
                    check("Homeport's synced copy", digest, cloud.directory().resolve("synced-" + round)
                            .resolve("current"));
                    System.out.printf("round %d: sync %.2f s plain, %.2f s Homeport; restore %.2f s plain, %.2f s "
                            + "Homeport%n", round, last(plainSync), last(homeportSync), last(plainRestore),
                            last(homeportRestore));
                    delete(plainTarget);
                    delete(Path.of(restored.path()));
                    delete(cloud.directory());
                    Files.createDirectories(cloud.directory());
                }
            }
        } finally {
            delete(home);
        }
        System.out.println();
        System.out.printf("%d MiB across %d files, %d rounds (median seconds)%n", mib, files, rounds);
        System.out.printf("%-10s %10s %10s %8s%n", "", "rclone", "Homeport", "ratio");
        row("sync", plainSync, homeportSync);
        row("restore", plainRestore, homeportRestore);
    }

    /** Odd rounds run the plain one first, even rounds Homeport's: neither always gets the warm cache. */
    private static void inOrder(int round, Runnable plain, Runnable homeport) {
        if (round % 2 == 1) {
            plain.run();
            homeport.run();
        } else {
            homeport.run();
            plain.run();
        }
    }

    private static void row(String what, List<Double> plain, List<Double> homeport) {
        double p = median(plain);
        double h = median(homeport);
        System.out.printf("%-10s %10.2f %10.2f %8.3f%n", what, p, h, h / p);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double last(List<Double> values) {
        return values.get(values.size() - 1);
    }

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    private static double seconds(Work work) {
        long start = System.nanoTime();
        try {
            work.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** The baseline: rclone sync as a user would type it, with the same config. */
    private static void plainRclone(Path config, String source, String destination) throws Exception {
        Process process = new ProcessBuilder("rclone", "sync", source, destination, "--config", config.toString(), "-q")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("rclone sync " + source + " " + destination + " failed");
        }
    }

    private static void check(String what, Map<String, String> expected, Path tree) {
        if (!FileTrees.sha256s(tree).equals(expected)) {
            throw new IllegalStateException(what + " is not byte for byte the data");
        }
    }

    /** {@code files} files of random bytes, {@code mib} MiB in all, 32 to a directory, two levels deep. */
    private static void write(Path root, int mib, int files) throws IOException {
        long total = (long) mib << 20;
        SplittableRandom random = new SplittableRandom(6);
        byte[] buffer = new byte[1 << 16];
        for (int i = 0; i < files; i++) {
            long size = total / files + (i < total % files ? 1 : 0);
            Path file = root.resolve("d" + (i / 256)).resolve("e" + (i / 32 % 8)).resolve("f" + i + ".bin");
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                for (long left = size; left > 0; left -= buffer.length) {
                    for (int b = 0; b < buffer.length; b += 8) {
                        long value = random.nextLong();
                        for (int k = 0; k < 8; k++) {
                            buffer[b + k] = (byte) (value >>> (8 * k));
                        }
                    }
                    out.write(buffer, 0, (int) Math.min(left, buffer.length));
                }
            }
        }
    }

    private static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
