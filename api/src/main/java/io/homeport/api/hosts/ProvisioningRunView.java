package io.homeport.api.hosts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A provisioning run: the playbook applied to one host, step by step. Never carries a secret. */
@Schema(description = "A provisioning run of one host.")
public record ProvisioningRunView(
        UUID id,
        UUID hostId,
        @Schema(description = "RUNNING, SUCCEEDED, FAILED or CANCELLED") String state,
        @Schema(description = "what preflight found") String os,
        Instant startedAt,
        Instant endedAt,
        @Schema(description = "tasks the playbook lists") int totalSteps,
        @Schema(description = "tasks finished so far") int doneSteps,
        @Schema(description = "from the final recap: tasks that found the host as wanted") int ok,
        @Schema(description = "from the final recap: tasks that changed the host; 0 on a re-run") int changed,
        @Schema(description = "the task that failed") String failedTask,
        @Schema(description = "why the run failed or was cancelled") String message,
        @Schema(description = "the run's log; left out of listings") List<ProvisioningStepView> steps) {
}
