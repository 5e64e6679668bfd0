package io.homeport.events.host;

import java.time.Instant;
import java.util.UUID;

/**
 * A provisioning run ended well: the host is hardened, has Docker, Tailscale, the rclone mount unit, Netdata and
 * its agent, which enrolls on its own.
 *
 * @param runId   the run
 * @param hostId  the host
 * @param ok      tasks that found the host as wanted
 * @param changed tasks that changed the host (0 on a re-run of an unchanged host)
 * @param seconds how long the run took
 */
public record HostProvisioned(UUID runId, UUID hostId, int ok, int changed, double seconds, Instant at) {
}
