package io.homeport.events.host;

import java.time.Instant;
import java.util.UUID;

/**
 * A provisioning run ended without success: a task failed, the host became unreachable, the run was cancelled or
 * the playbook could not run.
 *
 * @param runId      the run
 * @param hostId     the host
 * @param failedTask the task that failed, or {@code null} when no task did (cancelled, ansible-playbook missing)
 * @param message    why, as Ansible or the provisioner put it (never a secret)
 */
public record HostProvisioningFailed(UUID runId, UUID hostId, String failedTask, String message, Instant at) {
}
