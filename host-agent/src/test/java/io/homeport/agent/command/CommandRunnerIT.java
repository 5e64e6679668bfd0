package io.homeport.agent.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import io.homeport.agent.docker.DockerActions;
import io.homeport.agent.docker.DockerClients;
import io.homeport.agent.docker.HostContainers;
import io.homeport.agent.docker.ReconcilePass;
import io.homeport.agent.protocol.Commands;
import io.homeport.agent.protocol.ContainerSpec;
import io.homeport.agent.protocol.SecretSealing;
import io.homeport.agent.protocol.Frame;
import io.homeport.agent.protocol.PullPolicy;
import io.homeport.testkit.FileTrees;
import io.homeport.testkit.DockerEngine;
import io.homeport.testkit.LocalImages;
import io.homeport.testkit.Rclone;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One-shot commands against the real local dockerd and the real rclone. */
class CommandRunnerIT {

    private static DockerClient docker;
    private static CommandRunner runner;
    private static ContainerSpec talker;
    private static final List<String> created = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void engine() throws IOException {
        docker = DockerEngine.require(DockerClients.connect(DockerClients.DEFAULT_HOST));
        String image = LocalImages.busybox(docker);
        Path config = Files.createTempFile("rclone", ".conf"); // empty: local paths need no remote
        runner = new CommandRunner(docker, Rclone.require(), config, SecretSealing.newKey());
        String app = "cmd" + UUID.randomUUID().toString().substring(0, 8);
        talker = new ContainerSpec(app, 0, 1, image,
                List.of("sh", "-c", "for i in $(seq 1 50); do echo out $i; echo err $i >&2; done; sleep 3600"),
                Map.of(), Map.of(), List.of(), "unless-stopped", PullPolicy.NEVER);
        new ReconcilePass(new HostContainers(docker, talker.containerName()), new DockerActions(docker,
                SecretSealing.newKey())).run(List.of(talker));
        created.add(talker.containerName());
    }

    @AfterAll
    static void cleanUp() {
        created.forEach(name -> docker.removeContainerCmd(name).withForce(true).exec());
        runner.close();
    }

    private static Frame.Result run(Frame.Command command) {
        return runner.run(command, progress -> { });
    }

    @Test
    void logsReturnTheLastLinesOfBothStreams() throws Exception {
        Thread.sleep(500); // the loop takes a moment to print its 100 lines
        Frame.Result result = run(Commands.logs(talker.containerName(), 4));

        assertThat(result.succeeded()).as(result.output()).isTrue();
        List<String> lines = result.output().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines).allMatch(line -> line.matches("\\d{4}-\\d\\d-\\d\\dT.* (out|err) \\d+"));
        // which stream's lines come last is the engine's business; both streams are there
        assertThat(run(Commands.logs(talker.containerName(), 100)).output().lines()
                .map(line -> line.substring(line.indexOf(' ') + 1))).contains("out 50", "err 50", "out 26", "err 26");
    }

    @Test
    void restartRestartsAManagedContainer() {
        String before = docker.inspectContainerCmd(talker.containerName()).exec().getState().getStartedAt();

        Frame.Result result = run(Commands.restart(talker.containerName(), 1));

        assertThat(result.succeeded()).as(result.output()).isTrue();
        assertThat(result.output()).isEqualTo("restarted " + talker.containerName());
        var state = docker.inspectContainerCmd(talker.containerName()).exec().getState();
        assertThat(state.getRunning()).isTrue();
        assertThat(state.getStartedAt()).isNotEqualTo(before);
    }

    @Test
    void containersHomeportDoesNotManageAreRefusedAndMissingOnesNotFound() {
        String name = "unmanaged-" + UUID.randomUUID().toString().substring(0, 8);
        docker.createContainerCmd(LocalImages.busybox(docker)).withName(name).withCmd("sleep", "3600").exec();
        created.add(name);

        Frame.Result restart = run(Commands.restart(name, 1));
        Frame.Result logs = run(Commands.logs(name, 10));
        Frame.Result missing = run(Commands.logs("hp-no-such-app-0", 10));

        assertThat(restart.failure()).isEqualTo(Frame.Failure.REFUSED);
        assertThat(restart.output()).isEqualTo("container " + name + " is not managed by Homeport");
        assertThat(logs.failure()).isEqualTo(Frame.Failure.REFUSED);
        assertThat(missing.failure()).isEqualTo(Frame.Failure.NOT_FOUND);
        assertThat(docker.inspectContainerCmd(name).exec().getState().getStartedAt()).as("never started")
                .startsWith("0001-01-01");
    }

    @Test
    void badArgumentsAndUnknownKindsAreAnsweredWithTheReason() {
        Frame.Result tooMuch = run(Commands.logs(talker.containerName(), Commands.MAX_TAIL + 1));
        Frame.Result unknown = run(new Frame.Command(UUID.randomUUID(), "teleport", Map.of()));

        assertThat(tooMuch.failure()).isEqualTo(Frame.Failure.INVALID);
        assertThat(tooMuch.output()).isEqualTo("tail must be a whole number from 1 to 10000");
        assertThat(unknown.failure()).isEqualTo(Frame.Failure.UNSUPPORTED);
        assertThat(unknown.output()).contains("teleport");
    }

    @Test
    void rcloneCopyReportsProgressAndCopiesByteForByte() throws Exception {
        Path source = FileTrees.volume(dir.resolve("source"), 24);
        Path target = dir.resolve("target");
        List<Frame.Progress> progress = new CopyOnWriteArrayList<>();
        Frame.Command copy = Commands.rclone("copy", source.toString(), target.toString(),
                Map.of(Commands.BANDWIDTH_LIMIT, "8M")); // ~3 s: several progress frames

        Frame.Result result = runner.run(copy, progress::add);

        assertThat(result.succeeded()).as(result.output()).isTrue();
        assertThat(FileTrees.sha256s(target)).isEqualTo(FileTrees.sha256s(source));
        assertThat(progress).hasSizeGreaterThanOrEqualTo(2).allMatch(p -> p.commandId().equals(copy.id()));
        assertThat(progress).extracting(Frame.Progress::bytes).isSorted();
        assertThat(progress.get(0).totalBytes()).isEqualTo(24L * 1024 * 1024 + 3 + 16); // a.bin, notes, wal
        assertThat(progress.get(0).percent()).isBetween(0, 99);
    }

    @Test
    void rcloneCheckFindsADifferenceAndSyncKeepsWhatItReplacesInTheBackupDir() throws Exception {
        Path source = FileTrees.volume(dir.resolve("source"), 1);
        Path target = dir.resolve("target");
        assertThat(run(Commands.rclone("sync", source.toString(), target.toString(), Map.of())).succeeded()).isTrue();
        Files.writeString(target.resolve("notes/b.txt"), "changed on the far side");

        Frame.Result check = run(Commands.rclone("check", source.toString(), target.toString(), Map.of()));

        assertThat(check.succeeded()).isFalse();
        assertThat(check.failure()).isEqualTo(Frame.Failure.FAILED);
        assertThat(check.output()).contains("1 differences found").contains("notes/b.txt");

        Path backup = dir.resolve("backup");
        Frame.Result sync = run(Commands.rclone("sync", source.toString(), target.toString(),
                Map.of(Commands.BACKUP_DIR, backup.toString())));

        assertThat(sync.succeeded()).as(sync.output()).isTrue();
        assertThat(FileTrees.sha256s(target)).isEqualTo(FileTrees.sha256s(source));
        assertThat(Files.readString(backup.resolve("notes/b.txt"))).isEqualTo("changed on the far side");
        assertThat(run(Commands.rclone("check", source.toString(), target.toString(), Map.of())).succeeded())
                .isTrue();
    }
}
