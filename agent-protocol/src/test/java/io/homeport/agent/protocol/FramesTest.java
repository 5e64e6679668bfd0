package io.homeport.agent.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FramesTest {

    @Test
    void everyFrameSurvivesTheRoundTripWithItsTypeName() {
        ContainerSpec spec = new ContainerSpec("web", 0, 3, "local/busybox:1", List.of("httpd", "-f"),
                Map.of("A", "1"), Map.of("dockflare.enable", "true"), List.of(new PortMapping(8080, 80, "tcp")),
                null, PullPolicy.NEVER);
        HostFacts facts = new HostFacts("h1", "debian", "12", "Debian 12", "6.1.0", 2, 1L << 30,
                List.of(new HostFacts.Disk("/", "ext4", 100, 50)), "20.10.24", Optional.of("100.64.0.7"));
        List<Frame> frames = List.of(
                new Frame.Hello(Frames.PROTOCOL_VERSION, "0.1.0", UUID.randomUUID(), facts, "{}"),
                new Frame.Report(true, List.of(new ContainerState("id", "hp-web-0", "local/busybox:1", "running",
                        null, true, "web", 3L, "abc", Instant.parse("2026-11-25T10:00:00Z"),
                        Map.of("dockflare.enable", "true"))), Instant.now()),
                new Frame.Heartbeat(Instant.parse("2026-11-25T10:00:00Z")),
                new Frame.Result(null, 3L, true, "converged", null),
                Frame.Result.failed(UUID.randomUUID(), Frame.Failure.NOT_FOUND, "no container hp-x-0"),
                new Frame.Progress(UUID.randomUUID(), 42, 420L, 1000L, "a.bin"),
                new Frame.Desired(3, List.of(spec)),
                Commands.logs("hp-web-0", 100),
                Commands.rclone("sync", "/srv/data", "gdrive:apps/web", Map.of(Commands.BACKUP_DIR, "gdrive:old")));

        for (Frame frame : frames) {
            assertThat(Frames.read(Frames.write(frame))).isEqualTo(frame);
        }
        assertThat(Frames.write(frames.get(6))).startsWith("{\"type\":\"desired\"");
    }

    @Test
    void restartCountsAndDiskUsageTravelInReports() {
        Frame.Report report = new Frame.Report(true, List.of(new ContainerState("id", "hp-web-0", "local/busybox:1",
                "running", null, true, "web", 3L, "abc", null, Map.of(), 4)), Instant.parse("2026-11-26T10:00:00Z"),
                List.of(), List.of(), List.of(new DiskUsage("/", 95.5, 1_073_741_824L),
                        new DiskUsage("/var/lib/docker", 12.25, 42L)));

        String json = Frames.write(report);

        assertThat(json).contains("\"restartCount\":4")
                .contains("\"disks\":[{\"mountPoint\":\"/\",\"usedPercent\":95.5,\"freeBytes\":1073741824}");
        assertThat(Frames.read(json)).isEqualTo(report);
    }

    @Test
    void reportsOfOlderAgentsReadWithoutRestartCountsOrDisks() {
        String older = """
                {"type":"report","full":true,"at":"2026-11-26T10:00:00Z","mounts":[],"volumes":[],
                 "containers":[{"id":"id","name":"hp-web-0","image":"img","state":"running","managed":true,
                                "app":"web","revision":3,"specHash":"abc","labels":{}}]}""";

        Frame.Report report = (Frame.Report) Frames.read(older);

        assertThat(report.disks()).isEmpty();
        assertThat(report.containers().get(0).restartCount()).isNull();
        assertThat(report.containers().get(0).name()).isEqualTo("hp-web-0");
    }

    @Test
    void refusesWhatIsNoFrameWithAReason() {
        assertThatThrownBy(() -> Frames.read("not json")).isInstanceOf(MalformedFrameException.class)
                .hasMessageStartingWith("malformed frame:");
        assertThatThrownBy(() -> Frames.read("{\"type\":\"teleport\"}")).isInstanceOf(MalformedFrameException.class)
                .hasMessageContaining("teleport");
        assertThatThrownBy(() -> Frames.read("{\"revision\":1}")).isInstanceOf(MalformedFrameException.class);
        assertThatThrownBy(() -> Frames.read("{\"type\":\"desired\",\"revision\":1,\"containers\":[{\"app\":\"x\"}]}"))
                .isInstanceOf(MalformedFrameException.class).hasMessageContaining("image");
    }
}
