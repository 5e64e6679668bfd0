package io.homeport.agent.netdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.homeport.agent.protocol.DiskUsage;
import io.homeport.launcher.process.FreePorts;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class NetdataDisksTest {

    /** What a real Netdata 1.37.1 (Debian 12) answered on the machine these tests were written on. */
    private static String recorded() throws IOException {
        try (InputStream in = NetdataDisksTest.class.getResourceAsStream("/netdata/allmetrics-disk_space-1.37.1.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsEachMountPointAsDfDoesLeavingOutDevAndRun() throws IOException {
        List<DiskUsage> disks = NetdataDisks.parse(recorded());

        assertThat(disks).extracting(DiskUsage::mountPoint).containsExactly("/", "/var/lib/docker");
        DiskUsage root = disks.get(0);
        // avail 45.4190025 GiB, used 56.0432777 GiB, 150.5 GiB reserved for root: df said 56 %
        assertThat(root.usedPercent()).isCloseTo(55.236, within(0.001));
        assertThat(root.freeBytes()).isCloseTo(48_768_000_000L, within(1_000_000L));
    }

    @Test
    void passesOverChartsItCannotRead() throws IOException {
        String answer = """
                {"disk_space._a": {"family":"/a","context":"disk.space","units":"GiB",
                   "dimensions":{"avail":{"value":1.0},"used":{"value":3.0}}},
                 "disk_space._b": {"family":"/b","context":"disk.space","units":"bananas",
                   "dimensions":{"avail":{"value":1.0},"used":{"value":3.0}}},
                 "disk_space._c": {"family":"/c","context":"disk.space","units":"MiB",
                   "dimensions":{"avail":{"value":null},"used":{"value":3.0}}},
                 "disk_space._d": {"family":"/d","context":"disk.space","units":"MiB",
                   "dimensions":{"avail":{"value":0},"used":{"value":0}}},
                 "disk_inodes._a": {"family":"/a","context":"disk.inodes","units":"inodes",
                   "dimensions":{"avail":{"value":1.0},"used":{"value":3.0}}}}""";

        assertThat(NetdataDisks.parse(answer)).containsExactly(new DiskUsage("/a", 75.0, 1L << 30));
    }

    @Test
    void noNetdataGivesNoDisksAndIsLoggedOnce() throws IOException {
        int closedPort = FreePorts.next();
        NetdataDisks disks = new NetdataDisks(URI.create("http://127.0.0.1:" + closedPort));
        List<LogRecord> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(NetdataDisks.class.getName());
        logger.addHandler(capture);
        try {
            for (int report = 0; report < 3; report++) {
                assertThat(disks.read()).isEmpty();
            }
        } finally {
            logger.removeHandler(capture);
        }

        assertThat(logged).hasSize(1);
        assertThat(logged.get(0).getMessage()).contains("127.0.0.1:" + closedPort).contains("does not answer");
    }
}
