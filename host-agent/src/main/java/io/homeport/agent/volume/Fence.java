package io.homeport.agent.volume;

import static io.homeport.agent.command.RcloneCommand.FAIL_FAST;
import static io.homeport.agent.command.RcloneCommand.argv;

import io.homeport.agent.command.CommandFailure;
import io.homeport.agent.command.RcloneCommand;
import java.util.List;

/**
 * Reads and writes a volume's fence file on its remote with rclone ({@code cat} and {@code rcat}). The fence is what
 * keeps two hosts from writing one volume: the host taking a volume writes its higher epoch there first, and every
 * other host reads it before it starts, syncs or keeps running a container on the volume. A fence never written
 * (rclone: directory or file not found) is {@link FenceRecord#NONE}.
 */
public final class Fence {

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
        return rclone.runUnlessMissing(null, "cat", argv(FAIL_FAST, "-q", "cat", path), progress -> { })
                .map(FenceRecord::parse).orElse(FenceRecord.NONE);
    }

    /** Replaces the fence at {@code path} with {@code record}. */
    public void write(String path, FenceRecord record) throws InterruptedException {
        rclone.run(null, "rcat", argv(FAIL_FAST, "-q", "rcat", path), record.text(), progress -> { });
    }
}
