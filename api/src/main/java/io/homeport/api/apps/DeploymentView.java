package io.homeport.api.apps;

import java.time.Instant;
import java.util.UUID;

/**
 * A rollout of one revision. {@code state}: {@code QUEUED} (an app of a stack waiting for the apps it depends on;
 * not started, so no {@code startedAt} or {@code deadline} yet), {@code IN_PROGRESS}, {@code SUCCEEDED},
 * {@code FAILED} (no good revision to go back to, or never started because an app it waited for failed) or
 * {@code ROLLED_BACK}; {@code reason} says why it failed.
 */
public record DeploymentView(UUID id, String app, long revision, Long previousRevision, String state, String reason,
        Instant startedAt, Instant deadline, Instant finishedAt) {
}
