package io.homeport.api.hosts;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One finished task of a provisioning run. */
@Schema(description = "One finished task of a provisioning run.")
public record ProvisioningStepView(
        @Schema(description = "position, from 1") int n,
        @Schema(description = "tasks the playbook lists") int total,
        @Schema(examples = "homeport_docker : Ensure Docker is installed.") String task,
        @Schema(description = "ok, changed, skipped, failed or unreachable") String status,
        @Schema(description = "what Ansible said about a failure") String message,
        Instant at) {
}
