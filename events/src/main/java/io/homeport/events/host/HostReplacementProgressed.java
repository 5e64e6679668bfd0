package io.homeport.events.host;

import java.time.Instant;
import java.util.UUID;

/**
 * A replacement run moved on: a phase began or ended, or the run ended.
 *
 * @param phase  the phase now (provision, enroll, restore-data, start-apps, move-routes), or the one it failed in
 * @param state  the run's state: RUNNING, SUCCEEDED, PARTIAL (some apps could not move) or FAILED
 * @param detail what happened, for people
 */
public record HostReplacementProgressed(UUID replacementId, UUID hostId, UUID newHostId, String phase, String state,
        String detail, Instant at) {
}
