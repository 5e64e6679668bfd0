package io.homeport.provisioner.provisioning;

import io.homeport.events.EventTypes;
import io.homeport.events.host.HostEnrollmentKeyIssued;
import io.homeport.events.host.HostProvisioned;
import io.homeport.events.host.HostProvisioningFailed;
import io.homeport.events.host.HostProvisioningStarted;
import io.homeport.events.host.HostProvisioningStep;
import io.homeport.platform.outbox.Outbox;
import io.homeport.platform.problem.ProblemException;
import io.homeport.platform.problem.ProblemType;
import io.homeport.platform.secret.SecretTokens;
import io.homeport.provisioner.host.Host;
import io.homeport.provisioner.host.HostAccess.Checked;
import io.homeport.provisioner.host.HostService;
import io.homeport.provisioner.host.HostState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Every change of a run's record, each in its own transaction with the event that announces it: the run's start
 * (host PROVISIONING, enrollment key issued), each step, and its end (host READY, or back to where it was).
 */
@ApplicationScoped
public class RunRecorder {

    private final Outbox outbox;
    private final HostService hosts;

    RunRecorder(Outbox outbox, HostService hosts) {
        this.outbox = outbox;
        this.hosts = hosts;
    }

    /**
     * Records a new RUNNING run and lets the gateway accept the run's one-time enrollment key (only its hash).
     *
     * @throws ProblemException 409 when the host has a run going
     */
    @Transactional
    public ProvisioningRun begin(Checked host, int totalSteps, String enrollmentKey, Duration keyValidity) {
        Host stored = hosts.find(host.id());
        ProvisioningRun running = ProvisioningRun.find("hostId = ?1 and state = ?2", host.id(), RunState.RUNNING)
                .firstResult();
        if (running != null) {
            throw new ProblemException(ProblemType.CONFLICT, "Host " + stored.name + " is being provisioned by run "
                    + running.id + ": wait for it or cancel it");
        }
        if (stored.state == HostState.DECOMMISSIONED) {
            throw new ProblemException(ProblemType.CONFLICT, "Host " + stored.name + " is decommissioned");
        }
        ProvisioningRun run = new ProvisioningRun();
        run.id = UUID.randomUUID();
        run.hostId = host.id();
        run.state = RunState.RUNNING;
        run.os = host.report().os();
        run.startedAt = now();
        run.aliveAt = run.startedAt;
        run.totalSteps = totalSteps;
        run.persist();
        stored.state = HostState.PROVISIONING;
        outbox.emit(EventTypes.HOST_ENROLLMENT_KEY_ISSUED, host.id().toString(), new HostEnrollmentKeyIssued(
                UUID.randomUUID(), host.id(), SecretTokens.hash(enrollmentKey), run.startedAt.plus(keyValidity)));
        outbox.emit(EventTypes.HOST_PROVISIONING_STARTED, host.id().toString(),
                new HostProvisioningStarted(run.id, host.id(), totalSteps, run.os, run.startedAt));
        return run;
    }

    @Transactional
    public void step(UUID runId, PlaybookOutput.TaskResult result) {
        ProvisioningRun run = ProvisioningRun.findById(runId);
        ProvisioningStep step = new ProvisioningStep();
        step.runId = runId;
        step.n = ++run.doneSteps;
        step.total = Math.max(run.totalSteps, step.n);
        step.task = result.task();
        step.status = result.status();
        step.message = result.message();
        step.at = now();
        step.persist();
        outbox.emit(EventTypes.HOST_PROVISIONING_STEP, run.hostId.toString(), new HostProvisioningStep(run.id,
                run.hostId, step.n, step.total, step.task, step.status, step.message, step.at));
    }

    @Transactional
    public void succeeded(UUID runId, PlaybookOutput.Recap recap) {
        ProvisioningRun run = end(runId, RunState.SUCCEEDED);
        run.ok = recap.ok();
        run.changed = recap.changed();
        hosts.find(run.hostId).state = HostState.READY;
        double seconds = Duration.between(run.startedAt, run.endedAt).toMillis() / 1000.0;
        outbox.emit(EventTypes.HOST_PROVISIONED, run.hostId.toString(),
                new HostProvisioned(run.id, run.hostId, run.ok, run.changed, seconds, run.endedAt));
    }

    /** Ends a run FAILED (or CANCELLED) naming the task and why; the host goes back to READY or NEW. */
    @Transactional
    public void failed(UUID runId, RunState state, String failedTask, String message, PlaybookOutput.Recap recap) {
        ProvisioningRun run = end(runId, state);
        run.failedTask = failedTask;
        run.message = message;
        if (recap != null) {
            run.ok = recap.ok();
            run.changed = recap.changed();
        }
        Host host = hosts.find(run.hostId);
        if (host.state == HostState.PROVISIONING) {
            host.state = ProvisioningRun.count("hostId = ?1 and state = ?2", run.hostId, RunState.SUCCEEDED) > 0
                    ? HostState.READY : HostState.NEW;
        }
        outbox.emit(EventTypes.HOST_PROVISIONING_FAILED, run.hostId.toString(),
                new HostProvisioningFailed(run.id, run.hostId, failedTask, message, run.endedAt));
    }

    /** Asks for a run to end; the replica running it sees the flag within a second. */
    @Transactional
    public ProvisioningRun requestCancel(UUID hostId, UUID runId) {
        ProvisioningRun run = ProvisioningRun.<ProvisioningRun>findByIdOptional(runId)
                .filter(found -> found.hostId.equals(hostId))
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "Host " + hostId + " has no run "
                        + runId));
        if (run.state == RunState.RUNNING) {
            run.cancelRequested = true;
        }
        return run;
    }

    /**
     * Keeps this replica's runs marked alive and reads which of them someone asked to cancel; fails the RUNNING
     * runs of other replicas that stopped marking theirs (a provisioner that died mid-run).
     *
     * @return the ids among {@code running} to cancel
     */
    @Transactional
    public List<UUID> supervise(Set<UUID> running, Duration orphanedAfter) {
        Instant now = now();
        List<UUID> cancel = List.of();
        if (!running.isEmpty()) {
            ProvisioningRun.update("aliveAt = ?1 where id in ?2", now, List.copyOf(running));
            cancel = ProvisioningRun.<ProvisioningRun>list("id in ?1 and cancelRequested = true and state = ?2",
                    List.copyOf(running), RunState.RUNNING).stream().map(run -> run.id).toList();
        }
        List<ProvisioningRun> orphaned = ProvisioningRun.list("state = ?1 and aliveAt < ?2", RunState.RUNNING,
                now.minus(orphanedAfter));
        for (ProvisioningRun run : orphaned) {
            if (!running.contains(run.id)) {
                failed(run.id, RunState.FAILED, null, "The provisioner running the playbook stopped at about "
                        + run.aliveAt + "; run it again", null);
            }
        }
        return cancel;
    }

    private static ProvisioningRun end(UUID runId, RunState state) {
        ProvisioningRun run = ProvisioningRun.findById(runId);
        run.state = state;
        run.endedAt = now();
        return run;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
