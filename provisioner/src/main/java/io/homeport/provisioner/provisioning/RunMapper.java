package io.homeport.provisioner.provisioning;

import io.homeport.api.hosts.ProvisioningRunView;
import io.homeport.api.hosts.ProvisioningStepView;
import java.util.List;

/** Translations of runs and steps into what leaves the service. */
final class RunMapper {

    /** The run, with {@code steps} (or {@code null} where a listing leaves them out). */
    static ProvisioningRunView toView(ProvisioningRun run, List<ProvisioningStep> steps) {
        return new ProvisioningRunView(run.id, run.hostId, run.state.name(), run.os, run.startedAt, run.endedAt,
                run.totalSteps, run.doneSteps, run.ok, run.changed, run.failedTask, run.message,
                steps == null ? null : steps.stream().map(RunMapper::toView).toList());
    }

    static ProvisioningStepView toView(ProvisioningStep step) {
        return new ProvisioningStepView(step.n, step.total, step.task, step.status, step.message, step.at);
    }

    private RunMapper() {
    }
}
