package io.homeport.api.hosts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A replacement run: {@code hostId} is replaced by {@code newHostId}.
 *
 * @param state   RUNNING, SUCCEEDED, PARTIAL (done, but some apps could not move or came back without their
 *                synced data) or FAILED
 * @param phase   the phase running now, or the one the run failed in: provision, enroll, restore-data, start-apps,
 *                move-routes
 * @param failure why the run failed, naming the phase; null unless FAILED
 */
@Schema(description = "A run replacing a host by a freshly provisioned one.")
public record ReplacementView(UUID id, UUID hostId, UUID newHostId, UUID provisioningRunId, String state,
        String phase, String failure, Instant startedAt, Instant finishedAt, List<Phase> phases, List<AppReport> apps) {

    /**
     * One phase of the run.
     *
     * @param state pending, running, done or failed
     */
    public record Phase(String name, String state, Instant startedAt, Instant finishedAt, Double seconds) {
    }

    /**
     * What became of one app that was placed on the old host.
     *
     * @param state            moving, moved or stranded (it could not move: see {@code problem})
     * @param problem          what went wrong for this app, e.g. a {@code local-synced} volume without a synced copy
     * @param dataRestoredFrom for {@code local-synced} volumes: when the synced copy it restored was taken (the
     *                         oldest of its volumes')
     * @param dataReadyAt      when its volumes' leases were granted on the new host
     * @param startedAt        when it ran on the new host
     * @param routes           its hostnames, now on the new host's tunnel
     * @param servingSince     when its last hostname was moved to the new host's tunnel (when it started, without any)
     */
    public record AppReport(String app, String state, String problem, Instant dataRestoredFrom, Instant dataReadyAt,
            Instant startedAt, List<String> routes, Instant servingSince) {
    }
}
