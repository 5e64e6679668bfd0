package io.homeport.agent.volume;

import io.homeport.agent.command.CommandFailure;
import io.homeport.agent.command.RcloneCommand;
import java.util.List;

/**
 * Reads and writes a volume's fence file on its remote with rclone ({@code cat} and {@code rcat}). The fence is what
 * keeps two hosts from writing one volume: the host taking a volume writes its higher epoch there first, and every
 * other host reads it before it starts, syncs or keeps running a container on the volume.
 */
public final class Fence {

    /** rclone's exit statuses for "directory not found" and "file not found": a fence never written. */
    private static final List<Integer> NOT_FOUND = List.of(3, 4);

    private final RcloneCommand rclone;

    public Fence(RcloneCommand rclone) {
        this.rclone = rclone;
    }

    /**
     * The fence at {@code path} ({@code remote:path}); a missing file is {@link FenceRecord#NONE}.
     *
     * @throws CommandFailure           when the remote cannot be read (the network, the credentials)
     * @throws IllegalArgumentException when the file does not hold a fence
     */
    public FenceRecord read(String path) throws InterruptedException {
        try {
            return FenceRecord.parse(rclone.run(null, "cat", List.of("-q", "cat", path), progress -> { }));
        } catch (CommandFailure e) {
            if (e.exitCode() != null && NOT_FOUND.contains(e.exitCode())) {
                return FenceRecord.NONE;
            }
            throw e;
        }
    }

    /** Replaces the fence at {@code path} with {@code record}. */
    public void write(String path, FenceRecord record) throws InterruptedException {
        rclone.run(null, "rcat", List.of("-q", "rcat", path), record.text(), progress -> { });
    }
}
