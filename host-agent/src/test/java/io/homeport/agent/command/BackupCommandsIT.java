package io.homeport.agent.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.homeport.agent.docker.DockerClients;
import io.homeport.agent.protocol.Commands;
import io.homeport.agent.protocol.Frame;
import io.homeport.agent.protocol.SecretSealing;
import io.homeport.testkit.FileTrees;
import io.homeport.testkit.GrowingFile;
import io.homeport.testkit.Rclone;
import io.homeport.testkit.SftpCloud;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backups, their verification, restores and deletion, with the real rclone against a real sftp "cloud" (testkit
 * {@link SftpCloud}, which has checksums, so a same-size change is seen). No container engine is used.
 */
class BackupCommandsIT {

    private static final DateTimeFormatter DATED = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    @TempDir
    static Path shared;
    private static SftpCloud cloud;
    private static CommandRunner runner;

    @TempDir
    Path dir;

    /** A backup's place in the cloud: {@code backups/<app>/data/<time>} with its checksums beside it. */
    private record Location(String path) {
        String backup() {
            return "cloud:" + path;
        }

        String checksums() {
            return "cloud:" + path + ".md5";
        }
    }

    @BeforeAll
    static void cloud() throws IOException {
        cloud = SftpCloud.serve(shared.resolve("cloud"));
        Path config = shared.resolve("rclone.conf");
        Files.writeString(config, cloud.remoteSection("cloud"));
        // the Docker client is never used here (no container commands); making one connects to nothing
        runner = new CommandRunner(DockerClients.connect(DockerClients.DEFAULT_HOST), Rclone.require(), config,
                SecretSealing.newKey());
    }

    @AfterAll
    static void stop() {
        runner.close();
        cloud.close();
    }

    private static Frame.Result run(Frame.Command command) {
        return runner.run(command, progress -> { });
    }

    private static Location newLocation() {
        return new Location("backups/app-" + UUID.randomUUID().toString().substring(0, 8) + "/data/"
                + DATED.format(Instant.now()));
    }

    private Path volume() throws IOException {
        Path volume = FileTrees.volume(dir.resolve("volume"), 3);
        Files.createDirectories(volume.resolve("db/wal"));
        Files.writeString(volume.resolve("db/wal/0001"), "write-ahead log\n");
        return volume;
    }

    private static Location backedUp(Path source) {
        Location location = newLocation();
        Frame.Result result = run(Commands.backup(source.toString(), location.backup(), location.checksums()));
        assertThat(result.succeeded()).as(result.output()).isTrue();
        return location;
    }

    private Path inCloud(String path) {
        return cloud.directory().resolve(path);
    }

    @Test
    void aBackupIsAByteIdenticalCopyWithItsChecksumsBeside() throws Exception {
        Path source = volume();
        Location location = newLocation();
        List<Frame.Progress> progress = new CopyOnWriteArrayList<>();
        Frame.Command backup = Commands.backup(source.toString(), location.backup(), location.checksums());

        Frame.Result result = runner.run(backup, progress::add);

        assertThat(result.succeeded()).as(result.output()).isTrue();
        assertThat(result.output()).startsWith("backed up 3 files, " + (3 * 1024 * 1024 + 3 + 16) + " bytes");
        assertThat(FileTrees.sha256s(inCloud(location.path()))).isEqualTo(FileTrees.sha256s(source));
        List<String> sums = Files.readAllLines(inCloud(location.path() + ".md5"));
        assertThat(sums).hasSize(3).allMatch(line -> line.matches("[0-9a-f]{32}  .+"));
        assertThat(sums).extracting(line -> line.substring(34))
                .containsExactlyInAnyOrder("a.bin", "notes/b.txt", "db/wal/0001");
        assertThat(progress).isNotEmpty().allMatch(p -> p.commandId().equals(backup.id()));
        assertThat(progress).anyMatch(p -> Long.valueOf(3 * 1024 * 1024 + 3 + 16).equals(p.totalBytes()));
    }

    /** A log or database written all the time never holds still for the check: it is kept as last copied. */
    @Test
    void aFileWrittenAllTheTimeIsBackedUpAsLastCopiedAndNamed() throws Exception {
        Path source = volume();
        Path log = source.resolve("app.log");
        Location location = newLocation();
        Frame.Result result;
        try (GrowingFile growing = GrowingFile.start(log)) {
            result = run(Commands.backup(source.toString(), location.backup(), location.checksums()));
        }

        assertThat(result.succeeded()).as(result.output()).isTrue();
        assertThat(result.output()).startsWith("backed up 4 files")
                .endsWith("; still being written after 3 rounds, so kept as last copied: changed: app.log");
        assertThat(inCloud(location.path()).resolve("app.log")).content().startsWith("started\nline 0\n");
        assertThat(run(Commands.verifyBackup(location.backup(), location.checksums())).succeeded())
                .as("the checksums are those of what landed").isTrue();
    }

    @Test
    void aBackupNeverOverwritesADestinationThatHoldsFiles() throws Exception {
        Path first = volume();
        Location location = backedUp(first);
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("a.bin"), "not the first backup's a.bin");

        Frame.Result again = run(Commands.backup(other.toString(), location.backup(), location.checksums()));

        assertThat(again.failure()).isEqualTo(Frame.Failure.REFUSED);
        assertThat(again.output()).isEqualTo(location.backup() + " already holds 3 files: a backup never overwrites one");
        assertThat(FileTrees.sha256s(inCloud(location.path()))).isEqualTo(FileTrees.sha256s(first));
        assertThat(run(Commands.verifyBackup(location.backup(), location.checksums())).succeeded()).isTrue();
    }

    @Test
    void verifyNamesTheCorruptFileAndARestoreOfItIsRefusedLeavingTheDestinationAlone() throws Exception {
        Location location = backedUp(volume());
        Frame.Result intact = run(Commands.verifyBackup(location.backup(), location.checksums()));
        assertThat(intact.succeeded()).as(intact.output()).isTrue();
        assertThat(intact.output()).isEqualTo("backup " + location.backup() + " is intact: 3 files match their checksums");

        Path corrupt = inCloud(location.path()).resolve("notes/b.txt");
        Files.writeString(corrupt, "HI\n"); // same size, other bytes: only a checksum tells
        Frame.Result damaged = run(Commands.verifyBackup(location.backup(), location.checksums()));

        assertThat(damaged.succeeded()).isFalse();
        assertThat(damaged.failure()).isEqualTo(Frame.Failure.FAILED);
        assertThat(damaged.output()).isEqualTo("backup " + location.backup() + " is damaged: changed: notes/b.txt");

        Path destination = Files.createDirectories(dir.resolve("restore-here"));
        Files.writeString(destination.resolve("live.db"), "the data in use now");
        Map<String, String> before = FileTrees.sha256s(destination);
        Path missing = dir.resolve("not-made");

        Frame.Result restore = run(Commands.restore(location.backup(), location.checksums(), destination.toString()));
        Frame.Result restoreElsewhere = run(Commands.restore(location.backup(), location.checksums(),
                missing.toString()));

        assertThat(restore.failure()).isEqualTo(Frame.Failure.REFUSED);
        assertThat(restore.output()).isEqualTo("backup " + location.backup() + " is damaged, so " + destination
                + " was left as it was: changed: notes/b.txt");
        assertThat(FileTrees.sha256s(destination)).isEqualTo(before);
        assertThat(restoreElsewhere.failure()).isEqualTo(Frame.Failure.REFUSED);
        assertThat(missing).doesNotExist();
    }

    @Test
    void aRestoreMakesAnExactCopyInAnEmptyDirectoryAndInOneWithExtraAndChangedFiles() throws Exception {
        Path source = volume();
        Location location = backedUp(source);
        Path fresh = dir.resolve("fresh/data"); // not there yet: made by the restore
        Path used = FileTrees.volume(dir.resolve("used"), 1);
        Files.writeString(used.resolve("extra.txt"), "not in the backup");
        Files.createDirectories(used.resolve("db/wal"));
        Files.writeString(used.resolve("db/wal/0001"), "write-ahead LOG\n"); // same size as the backup's
        Files.setLastModifiedTime(used.resolve("db/wal/0001"),
                Files.getLastModifiedTime(source.resolve("db/wal/0001"))); // and the same time: only bytes differ
        Files.writeString(used.resolve("notes/b.txt"), "changed since\n");

        Frame.Result intoFresh = run(Commands.restore(location.backup(), location.checksums(), fresh.toString()));
        Frame.Result intoUsed = run(Commands.restore(location.backup(), location.checksums(), used.toString()));

        assertThat(intoFresh.succeeded()).as(intoFresh.output()).isTrue();
        assertThat(intoFresh.output()).isEqualTo("restored 3 files from " + location.backup() + " into " + fresh);
        assertThat(FileTrees.sha256s(fresh)).isEqualTo(FileTrees.sha256s(source));
        assertThat(intoUsed.succeeded()).as(intoUsed.output()).isTrue();
        assertThat(FileTrees.sha256s(used)).isEqualTo(FileTrees.sha256s(source));
    }

    @Test
    void deletingABackupRemovesItAndItsChecksumsAndCanBeRepeated() throws Exception {
        Location location = backedUp(volume());

        Frame.Result deleted = run(Commands.deleteBackup(location.backup(), location.checksums()));
        Frame.Result again = run(Commands.deleteBackup(location.backup(), location.checksums()));

        assertThat(deleted.succeeded()).as(deleted.output()).isTrue();
        assertThat(deleted.output()).isEqualTo("deleted " + location.backup() + "; deleted " + location.checksums());
        assertThat(inCloud(location.path())).doesNotExist();
        assertThat(inCloud(location.path() + ".md5")).doesNotExist();
        assertThat(again.succeeded()).as(again.output()).isTrue();
        assertThat(again.output()).isEqualTo("no backup left at " + location.backup() + "; no checksums left at "
                + location.checksums());
        assertThat(run(Commands.verifyBackup(location.backup(), location.checksums())).failure())
                .isEqualTo(Frame.Failure.NOT_FOUND);
    }

    @Test
    void argumentsAreNeverTakenForRcloneFlagsAndARestoreGoesToAnAbsoluteHostDirectory() {
        Location location = newLocation();

        Frame.Result flag = run(Commands.backup("--config=/etc/shadow", location.backup(), location.checksums()));
        Frame.Result relative = run(Commands.restore(location.backup(), location.checksums(), "data/restored"));
        Frame.Result climbing = run(Commands.restore(location.backup(), location.checksums(), "/srv/../etc"));
        Frame.Result incomplete = run(new Frame.Command(UUID.randomUUID(), Commands.VERIFY_BACKUP,
                Map.of(Commands.SOURCE, location.backup())));

        assertThat(List.of(flag, relative, climbing, incomplete)).extracting(Frame.Result::failure)
                .containsOnly(Frame.Failure.INVALID);
        assertThat(flag.output()).isEqualTo("source must not start with '-' or hold control characters");
        assertThat(relative.output()).isEqualTo("destination must be an absolute host directory without . or .. in it");
        assertThat(incomplete.output()).isEqualTo("checksums is required");
    }
}
