package io.homeport.agent.protocol;

import java.time.Instant;

/**
 * How the host's mount of the shared remote is doing, as the agent last checked it: a canary file written and read
 * back through the mount, and rclone's remote-control API for the mount's upload queue and errors.
 *
 * @param path              the mount point
 * @param healthy           the canary round trip succeeded and rclone reports no errors
 * @param uploadsQueued     files waiting to be uploaded (rclone {@code vfs/stats} {@code uploadsQueued}), null when
 *                          the remote-control API did not answer
 * @param uploadsInProgress files being uploaded now, null when unknown
 * @param errors            rclone's error count ({@code core/stats} {@code errors}), null when unknown
 * @param message           why it is not healthy (null when it is)
 */
public record MountHealth(String path, boolean healthy, Long uploadsQueued, Long uploadsInProgress, Long errors,
        String message, Instant checkedAt) {
}
