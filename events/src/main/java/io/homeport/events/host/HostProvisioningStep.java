package io.homeport.events.host;

import java.time.Instant;
import java.util.UUID;

/**
 * One task of a provisioning run finished on the host.
 *
 * @param runId   the run
 * @param hostId  the host
 * @param n       this task's position, from 1
 * @param total   how many tasks the playbook lists (handlers run on top of these)
 * @param task    the task's name, e.g. {@code homeport_docker : Ensure Docker is installed.}
 * @param status  {@code ok}, {@code changed}, {@code skipped}, {@code failed} or {@code unreachable}
 * @param message what Ansible said about a failure (never a secret), else {@code null}
 */
public record HostProvisioningStep(UUID runId, UUID hostId, int n, int total, String task, String status,
        String message, Instant at) {
}
