package io.homeport.provisioner.replacement;

import io.homeport.events.EventTypes;
import io.homeport.events.host.HostReplaced;
import io.homeport.platform.outbox.Outbox;
import io.homeport.platform.problem.ProblemException;
import io.homeport.platform.problem.ProblemType;
import io.homeport.provisioner.config.ProvisionerConfig;
import io.homeport.provisioner.host.Host;
import io.homeport.provisioner.host.HostState;
import io.homeport.provisioner.liveness.HostLiveness;
import io.homeport.provisioner.liveness.LivenessService;
import io.homeport.provisioner.liveness.LivenessStatus;
import io.homeport.provisioner.provisioning.ProvisioningRun;
import io.homeport.provisioner.provisioning.ProvisioningService;
import io.homeport.provisioner.provisioning.RunState;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Takes each running replacement through its phases, once a second: starts the new server's provisioning run and
 * follows it; once the new host's agent is online, marks the old host REPLACED (which revokes its agent and makes
 * the deployer move its apps, {@code host.replaced}); then ends each app phase when {@link ReplacementProgress} has
 * seen every app through it. A phase that fails, or takes longer than configured, fails the run naming the phase.
 */
@ApplicationScoped
public class ReplacementDriver {

    private static final Logger LOG = Logger.getLogger(ReplacementDriver.class);

    private final ProvisioningService provisioning;
    private final ReplacementService replacements;
    private final LivenessService liveness;
    private final Outbox outbox;
    private final ProvisionerConfig.Replacement config;

    ReplacementDriver(ProvisioningService provisioning, ReplacementService replacements, LivenessService liveness,
            Outbox outbox, ProvisionerConfig config) {
        this.provisioning = provisioning;
        this.replacements = replacements;
        this.liveness = liveness;
        this.outbox = outbox;
        this.config = config.replacement();
    }

    @Scheduled(every = "1s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void advanceAll() {
        List<Replacement> running = QuarkusTransaction.requiringNew().call(() -> Replacement
                .<Replacement>list("state", ReplacementState.RUNNING));
        for (Replacement replacement : running) {
            try {
                if (replacement.phase == ReplacementPhase.PROVISION && replacement.provisioningRunId == null) {
                    startProvisioning(replacement);
                } else {
                    QuarkusTransaction.requiringNew().run(() -> advance(replacement.id));
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "Replacement %s could not advance; trying again", replacement.id);
            }
        }
    }

    /**
     * Outside any transaction, as the provisioning API calls it: preflight, then the playbook in the background. A
     * refusal (unsupported OS, unreachable server, ...) fails the run in phase provision.
     */
    private void startProvisioning(Replacement replacement) {
        UUID runId;
        try {
            runId = provisioning.start(replacement.newHostId).id();
        } catch (ProblemException e) {
            // another provisioner replica may have started it a moment ago: follow that run
            UUID started = e.problem().status() == ProblemType.CONFLICT.status() ? latestRun(replacement.newHostId)
                    : null;
            if (started == null) {
                QuarkusTransaction.requiringNew().run(() -> fail(locked(replacement.id), e.problem().detail()));
                return;
            }
            runId = started;
        }
        UUID run = runId;
        QuarkusTransaction.requiringNew().run(() -> {
            Replacement locked = locked(replacement.id);
            if (locked.provisioningRunId == null) {
                locked.provisioningRunId = run;
            }
        });
    }

    private static UUID latestRun(UUID hostId) {
        return QuarkusTransaction.requiringNew().call(() -> ProvisioningRun.<ProvisioningRun>find("hostId",
                Sort.descending("startedAt"), hostId).firstResultOptional().map(found -> found.id).orElse(null));
    }

    /** Ends every phase whose work is done, in order; fails the run when the current one failed or timed out. */
    void advance(UUID replacementId) {
        Replacement replacement = locked(replacementId);
        Instant now = ReplacementService.now();
        while (replacement.state == ReplacementState.RUNNING && advanced(replacement, now)) {
            if (replacement.state == ReplacementState.RUNNING) {
                LOG.infof("Replacement %s: phase %s", replacement.id, replacement.phase.label());
            }
        }
    }

    /** Whether the current phase ended (the run moved on, or ended). */
    private boolean advanced(Replacement replacement, Instant now) {
        return switch (replacement.phase) {
            case PROVISION -> provisioned(replacement, now);
            case ENROLL -> enrolled(replacement, now);
            case RESTORE_DATA, START_APPS, MOVE_ROUTES -> appsAdvanced(replacement, now);
        };
    }

    private boolean provisioned(Replacement replacement, Instant now) {
        if (replacement.provisioningRunId == null) {
            return false;
        }
        ProvisioningRun run = ProvisioningRun.findById(replacement.provisioningRunId);
        if (run.state == RunState.RUNNING) {
            return false;
        }
        if (run.state != RunState.SUCCEEDED) {
            fail(replacement, "provisioning run " + run.id + " " + run.state.name().toLowerCase()
                    + (run.failedTask != null ? " at task '" + run.failedTask + "'" : "")
                    + (run.message != null ? ": " + run.message : ""));
            return true;
        }
        replacement.provisionedAt = run.endedAt != null ? run.endedAt : now;
        moveOn(replacement, ReplacementPhase.ENROLL, "provisioned in " + seconds(replacement.startedAt,
                replacement.provisionedAt) + " s; waiting for its agent");
        return true;
    }

    private boolean enrolled(Replacement replacement, Instant now) {
        HostLiveness heard = liveness.of(replacement.newHostId).orElse(null);
        if (heard == null || heard.status() != LivenessStatus.ONLINE) {
            if (now.isAfter(replacement.provisionedAt.plus(config.enrollTimeout()))) {
                fail(replacement, "the new host's agent did not come online within " + config.enrollTimeout()
                        .toSeconds() + " s of the playbook's end (see its journal: journalctl -u homeport-agent)");
                return true;
            }
            return false;
        }
        replacement.enrolledAt = now;
        Host old = Host.findById(replacement.hostId, LockModeType.PESSIMISTIC_WRITE);
        old.state = HostState.REPLACED;
        old.replacedBy = replacement.newHostId;
        old.replacedAt = now;
        old.sshKey = null; // the server is gone: nothing will log in to it again
        old.sshKeyReference = null;
        outbox.emit(EventTypes.HOST_REPLACED, old.id.toString(), new HostReplaced(old.id, old.name,
                replacement.newHostId, replacement.id, now));
        moveOn(replacement, ReplacementPhase.RESTORE_DATA, "the new host's agent is online after "
                + seconds(replacement.provisionedAt, now) + " s; host " + old.name
                + " is replaced (its agent is refused from now on) and its apps move");
        return true;
    }

    /** An app phase ends when every moving app is through it, at the latest time one of them got through. */
    private boolean appsAdvanced(Replacement replacement, Instant now) {
        List<ReplacementApp> apps = ReplacementService.apps(replacement.id);
        List<ReplacementApp> moving = apps.stream().filter(ReplacementApp::moving).toList();
        ReplacementPhase phase = replacement.phase;
        if (replacement.evacuationAt != null && moving.stream().allMatch(app -> app.doneWith(phase))) {
            Instant otherwise = phase == ReplacementPhase.RESTORE_DATA ? replacement.evacuationAt
                    : replacement.startOf(phase);
            replacement.end(phase, latest(moving.stream().map(app -> app.endOf(phase)), otherwise));
            switch (phase) {
                case RESTORE_DATA -> moveOn(replacement, ReplacementPhase.START_APPS, "the data of " + moving.size()
                        + " app(s) is ready on the new host");
                case START_APPS -> moveOn(replacement, ReplacementPhase.MOVE_ROUTES, moving.size()
                        + " app(s) run on the new host");
                case MOVE_ROUTES -> finish(replacement, apps);
                default -> throw new IllegalStateException("not an app phase: " + phase);
            }
            return true;
        }
        if (now.isAfter(replacement.enrolledAt.plus(config.appsTimeout()))) {
            String waiting = replacement.evacuationAt == null ? "the deployer never began to move the apps"
                    : moving.stream().filter(app -> !app.doneWith(phase))
                            .map(app -> app.app + " (" + app.state + ")").collect(Collectors.joining(", "));
            fail(replacement, "not done within " + config.appsTimeout().toSeconds() + " s of the new host's agent "
                    + "coming online: " + waiting);
            return true;
        }
        return false;
    }

    private void finish(Replacement replacement, List<ReplacementApp> apps) {
        List<String> problems = apps.stream().filter(app -> app.problem != null).map(app -> app.app + ": "
                + app.problem).toList();
        replacement.state = problems.isEmpty() ? ReplacementState.SUCCEEDED : ReplacementState.PARTIAL;
        replacement.finishedAt = replacement.routesMovedAt;
        replacements.progress(replacement, apps.size() - problems.size() + " of " + apps.size()
                + " app(s) moved and serving, " + seconds(replacement.startedAt, replacement.finishedAt)
                + " s after the call" + (problems.isEmpty() ? "" : "; " + String.join("; ", problems)));
        LOG.infof("Replacement %s %s", replacement.id, replacement.state);
    }

    private void moveOn(Replacement replacement, ReplacementPhase next, String detail) {
        replacement.phase = next;
        replacements.progress(replacement, detail);
    }

    private void fail(Replacement replacement, String cause) {
        replacement.state = ReplacementState.FAILED;
        replacement.failure = replacement.phase.label() + ": " + cause;
        replacement.finishedAt = ReplacementService.now();
        replacements.progress(replacement, replacement.failure);
        LOG.warnf("Replacement %s failed in phase %s: %s", replacement.id, replacement.phase.label(), cause);
    }

    private static Replacement locked(UUID id) {
        return Replacement.findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    private static Instant latest(Stream<Instant> times, Instant otherwise) {
        return times.filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(otherwise);
    }

    private static String seconds(Instant from, Instant to) {
        return String.format("%.1f", Duration.between(from, to).toMillis() / 1000.0);
    }
}
