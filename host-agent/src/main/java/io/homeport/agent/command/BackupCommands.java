package io.homeport.agent.command;

import static io.homeport.agent.command.RcloneCommand.LIVE_SOURCE;
import static io.homeport.agent.command.RcloneCommand.PROGRESS;
import static io.homeport.agent.command.RcloneCommand.argv;

import io.homeport.agent.protocol.Commands;
import io.homeport.agent.protocol.Frame;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * {@code backup}, {@code verify-backup}, {@code restore} and {@code delete-backup}: a volume's backups on a remote,
 * each with a file of its MD5 sums beside it, so that a backup can be verified long after its source changed, and a
 * damaged one is never restored. Every path is an argument of its own: nothing from the caller reaches rclone's
 * command line as a flag ({@link Arguments#required} refuses a leading {@code -}).
 */
final class BackupCommands {

    private static final Consumer<Frame.Progress> UNTRACKED = progress -> { };
    /** How many times a backup is brought level with a source that changed while it was copied. */
    static final int ROUNDS = 3;

    private final RcloneCommand rclone;

    BackupCommands(RcloneCommand rclone) {
        this.rclone = rclone;
    }

    /**
     * Copies the source into a destination that holds no file yet (a backup is never overwritten or merged into),
     * checks the copy against the source, then stores the copy's MD5 sums: sums of what landed, not of a source that
     * may have changed since. A source in use changes while it is copied, so a check that finds differences brings
     * the copy level again ({@code rclone sync}, which moves only what changed) and checks once more, up to
     * {@value #ROUNDS} rounds. A file written all the time (a log, a database) is never level with its copy: it is
     * kept as last copied, the backup completes, and its output names such files. (Failing instead would leave a busy
     * app without any backup; a transfer that went wrong fails rclone's copy itself, which compares hashes.)
     */
    String backup(UUID id, Map<String, String> args, Consumer<Frame.Progress> progress)
            throws InterruptedException {
        String source = Arguments.required(args, Commands.SOURCE);
        String destination = Arguments.required(args, Commands.DESTINATION);
        String checksums = Arguments.required(args, Commands.CHECKSUMS);
        try (ScratchDirectory scratch = new ScratchDirectory()) {
            refuseIfHoldsFiles(id, destination, scratch.file("existing.md5"));
            AtomicReference<Frame.Progress> copied = new AtomicReference<>();
            rclone.run(id, "copy", argv(PROGRESS, "copy", source, destination, LIVE_SOURCE), step -> {
                copied.set(step);
                progress.accept(step);
            });
            ChecksumReport stillChanging = bringLevel(id, source, destination, scratch, progress);
            Path sums = scratch.file("checksums.md5");
            rclone.run(id, "md5sum", List.of("md5sum", destination, "--output-file", sums.toString()), UNTRACKED);
            rclone.run(id, "copyto", List.of("copyto", sums.toString(), checksums), UNTRACKED);
            Long bytes = copied.get() == null ? null : copied.get().bytes();
            return "backed up " + lineCount(sums) + " files, " + (bytes == null ? 0 : bytes) + " bytes, into "
                    + destination + "; checksums in " + checksums + (stillChanging.intact() ? ""
                            : "; still being written after " + ROUNDS + " rounds, so kept as last copied: "
                                    + stillChanging.problems());
        }
    }

    /**
     * Checks the copy against the source ({@code rclone check --one-way}) and syncs what differs, until they are level
     * or {@value #ROUNDS} rounds have passed; returns what still differed in the last round (intact when level).
     */
    private ChecksumReport bringLevel(UUID id, String source, String destination, ScratchDirectory scratch,
            Consumer<Frame.Progress> progress) throws InterruptedException {
        for (int round = 1; ; round++) {
            Path combined = scratch.file("check-" + round + ".txt");
            try {
                rclone.run(id, "check", argv(PROGRESS, "check", source, destination, "--one-way", "--combined",
                        combined.toString()), progress);
                return ChecksumReport.read("");
            } catch (CommandFailure failed) {
                ChecksumReport differences = ChecksumReport.read(readIfWritten(combined));
                if (differences.intact()) {
                    throw failed;
                }
                if (round == ROUNDS) {
                    return differences;
                }
            }
            rclone.run(id, "sync", argv(PROGRESS, "sync", source, destination, LIVE_SOURCE), progress);
        }
    }

    /** Fails naming every file of the backup that is not as it was backed up. */
    String verify(UUID id, Map<String, String> args, Consumer<Frame.Progress> progress)
            throws InterruptedException {
        String backup = Arguments.required(args, Commands.SOURCE);
        String checksums = Arguments.required(args, Commands.CHECKSUMS);
        try (ScratchDirectory scratch = new ScratchDirectory()) {
            ChecksumReport report = compare(id, download(id, checksums, scratch), backup, scratch, progress);
            if (!report.intact()) {
                throw new CommandFailure(Frame.Failure.FAILED, "backup " + backup + " is damaged: "
                        + report.problems());
            }
            return "backup " + backup + " is intact: " + report.matching() + " files match their checksums";
        }
    }

    /**
     * Verifies the backup first (a damaged one is refused, the destination untouched), makes the destination an
     * exact copy of it, comparing by checksum (a local file of the same size and time but other bytes is replaced),
     * and then verifies what landed against the same checksums.
     */
    String restore(UUID id, Map<String, String> args, Consumer<Frame.Progress> progress)
            throws InterruptedException {
        String backup = Arguments.required(args, Commands.SOURCE);
        String checksums = Arguments.required(args, Commands.CHECKSUMS);
        Path destination = hostDirectory(args, Commands.DESTINATION);
        try (ScratchDirectory scratch = new ScratchDirectory()) {
            Path sums = download(id, checksums, scratch);
            ChecksumReport backedUp = compare(id, sums, backup, scratch, progress);
            if (!backedUp.intact()) {
                throw new CommandFailure(Frame.Failure.REFUSED, "backup " + backup + " is damaged, so "
                        + destination + " was left as it was: " + backedUp.problems());
            }
            createDirectories(destination);
            rclone.run(id, "sync", argv(PROGRESS, "sync", backup, destination.toString(), "--checksum"), progress);
            ChecksumReport restored = compare(id, sums, destination.toString(), scratch, progress);
            if (!restored.intact()) {
                throw new CommandFailure(Frame.Failure.FAILED, "the restored copy in " + destination
                        + " does not match the backup's checksums: " + restored.problems());
            }
            return "restored " + restored.matching() + " files from " + backup + " into " + destination;
        }
    }

    /** Deletes the backup, then its checksums (so a half-done delete leaves nothing that verifies); both may be gone. */
    String delete(UUID id, Map<String, String> args) throws InterruptedException {
        String backup = Arguments.required(args, Commands.DESTINATION);
        String checksums = Arguments.required(args, Commands.CHECKSUMS);
        boolean purged = rclone.runUnlessMissing(id, "purge", List.of("purge", backup), UNTRACKED).isPresent();
        boolean listed = rclone.runUnlessMissing(id, "lsf", List.of("lsf", checksums), UNTRACKED).isPresent();
        if (listed) {
            rclone.run(id, "deletefile", List.of("deletefile", checksums), UNTRACKED);
        }
        return (purged ? "deleted " : "no backup left at ") + backup + "; "
                + (listed ? "deleted " : "no checksums left at ") + checksums;
    }

    /** Lists the destination's files with md5sum rather than lsf: the list goes to a file, apart from rclone's log. */
    private void refuseIfHoldsFiles(UUID id, String destination, Path listing) throws InterruptedException {
        Optional<String> listed = rclone.runUnlessMissing(id, "md5sum",
                List.of("md5sum", destination, "--output-file", listing.toString()), UNTRACKED);
        long files = listed.isPresent() ? lineCount(listing) : 0;
        if (files > 0) {
            throw new CommandFailure(Frame.Failure.REFUSED, destination + " already holds " + files
                    + " files: a backup never overwrites one");
        }
    }

    private Path download(UUID id, String checksums, ScratchDirectory scratch) throws InterruptedException {
        Path sums = scratch.file("checksums.md5");
        if (rclone.runUnlessMissing(id, "copyto", List.of("copyto", checksums, sums.toString()), UNTRACKED)
                .isEmpty()) {
            throw new CommandFailure(Frame.Failure.NOT_FOUND, "no checksums file at " + checksums);
        }
        return sums;
    }

    /**
     * Holds {@code tree} against the sums with {@code rclone checksum}, both ways: a file the sums do not list is
     * damage too (a restore would bring it back). rclone exits non-zero when it finds any difference, so its
     * failure is read as the report unless the report is clean (then it failed for another reason, which it says).
     */
    private ChecksumReport compare(UUID id, Path sums, String tree, ScratchDirectory scratch,
            Consumer<Frame.Progress> progress) throws InterruptedException {
        Path combined = scratch.file("checksum-report.txt");
        Optional<String> compared;
        try {
            compared = rclone.runUnlessMissing(id, "checksum",
                    argv(PROGRESS, "checksum", "md5", sums.toString(), tree, "--combined", combined.toString()),
                    progress);
        } catch (CommandFailure failed) {
            ChecksumReport report = ChecksumReport.read(readIfWritten(combined));
            if (report.intact()) {
                throw failed;
            }
            return report;
        }
        if (compared.isEmpty()) {
            throw new CommandFailure(Frame.Failure.NOT_FOUND, "nothing at " + tree);
        }
        return ChecksumReport.read(readIfWritten(combined));
    }

    private static Path hostDirectory(Map<String, String> args, String name) {
        Path path = Path.of(Arguments.required(args, name));
        if (!path.isAbsolute() || !path.normalize().equals(path)) {
            throw CommandFailure.invalid(name + " must be an absolute host directory without . or .. in it");
        }
        return path;
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new CommandFailure(Frame.Failure.FAILED, "cannot create " + directory + ": " + e);
        }
    }

    private static long lineCount(Path file) {
        return readIfWritten(file).lines().filter(line -> !line.isBlank()).count();
    }

    private static String readIfWritten(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rclone's " + file.getFileName(), e);
        }
    }
}
