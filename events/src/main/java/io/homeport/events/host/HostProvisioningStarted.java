package io.homeport.events.host;

import java.time.Instant;
import java.util.UUID;

/**
 * A provisioning run began on a host: preflight passed (host key verified or pinned, OS supported, sudo), and the
 * playbook is running.
 *
 * @param runId      the run
 * @param hostId     the host
 * @param totalSteps how many tasks the playbook lists (skipped ones included)
 * @param os         the operating system preflight found, e.g. {@code Debian GNU/Linux 12 (bookworm)}
 */
public record HostProvisioningStarted(UUID runId, UUID hostId, int totalSteps, String os, Instant at) {
}
