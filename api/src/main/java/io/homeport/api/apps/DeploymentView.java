package io.homeport.api.apps;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A rollout of one revision. {@code state}: {@code QUEUED} (waiting for the apps of its stack it depends on,
 * {@code waitsFor}, or for its volumes to be ready, {@code waitsForVolumes}: not started, so no {@code startedAt}
 * or {@code deadline} yet), {@code IN_PROGRESS}, {@code SUCCEEDED}, {@code FAILED} (no good revision to go back
 * to, or never started because an app it waited for failed) or {@code ROLLED_BACK}; {@code reason} says why it
 * failed.
 */
public record DeploymentView(UUID id, String app, long revision, Long previousRevision, String state, String reason,
        Instant startedAt, Instant deadline, Instant finishedAt, List<String> waitsFor, List<String> waitsForVolumes) {
}
