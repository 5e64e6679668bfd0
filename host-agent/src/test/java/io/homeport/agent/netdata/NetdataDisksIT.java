package io.homeport.agent.netdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.homeport.agent.protocol.DiskUsage;
import io.homeport.testkit.Netdata;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's disk reading against a real Netdata (Debian's package, as on every host): the root file system as
 * {@code df} sees it, and a small file system filled to 95 % that Netdata must find full.
 */
class NetdataDisksIT {

    @TempDir
    Path dir;

    @Test
    void readsTheFileSystemsOfThisMachineFromARealNetdata() throws Exception {
        Path full = Files.createDirectories(dir.resolve("full"));
        try (Netdata netdata = Netdata.start(dir.resolve("netdata"), Duration.ofSeconds(1))) {
            System.out.println("Netdata served disk_space after " + netdata.startup().toMillis() + " ms");
            NetdataDisks disks = new NetdataDisks(netdata.url());
            run("mount", "-t", "tmpfs", "-o", "size=16m", "homeport-test", full.toString());
            try {
                fill(full.resolve("data.bin"), 16L * 1024 * 1024 * 95 / 100);

                List<DiskUsage> read = disks.read();
                for (int report = 0; report < 20; report++) {
                    assertThat(disks.read()).as("read " + report + " in a row").extracting(DiskUsage::mountPoint)
                            .contains("/");
                }
                DiskUsage root = read.stream().filter(d -> d.mountPoint().equals("/")).findFirst().orElseThrow();
                FileStore store = Files.getFileStore(Path.of("/"));
                long used = store.getTotalSpace() - store.getUnallocatedSpace();
                assertThat(root.usedPercent()).as("as df computes it")
                        .isCloseTo(100.0 * used / (used + store.getUsableSpace()), within(1.0));
                assertThat(root.freeBytes()).isCloseTo(store.getUsableSpace(), within(1L << 30));
                assertThat(read).extracting(DiskUsage::mountPoint).doesNotContain("/dev", "/dev/shm");

                DiskUsage filled = awaitMount(disks, full.toString());
                assertThat(filled.usedPercent()).isGreaterThan(90).isLessThanOrEqualTo(100);
                // Netdata keeps GiB with 7 decimals: about 100 bytes
                assertThat(filled.freeBytes()).isCloseTo(Files.getFileStore(full).getUsableSpace(), within(1024L));
            } finally {
                run("umount", full.toString());
            }
        }
    }

    /** Netdata samples every second and looks for new mounts every second here: allow it a few. */
    private static DiskUsage awaitMount(NetdataDisks disks, String mountPoint) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            var found = disks.read().stream().filter(d -> d.mountPoint().equals(mountPoint)).findFirst();
            if (found.isPresent() && found.get().usedPercent() > 90 || System.nanoTime() > deadline) {
                return found.orElseThrow(() -> new AssertionError("Netdata never reported " + mountPoint));
            }
            Thread.sleep(200);
        }
    }

    private static void fill(Path file, long bytes) throws IOException {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < bytes; written += block.length) {
                out.write(block, 0, (int) Math.min(block.length, bytes - written));
            }
        }
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
    }
}
