package io.homeport.provisioner.provisioning;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * One run's playbook from start to end, on a thread of its own: each task's result becomes a step, and the end
 * (the recap and the exit code, a cancel or the timeout) decides how the run ends. Whatever happens, the workspace
 * with the run's keys is removed.
 */
final class PlaybookRun {

    private static final Logger LOG = Logger.getLogger(PlaybookRun.class);
    private static final String HIDDEN = "(hidden)";

    private final java.util.UUID runId;
    private final String hostName;
    private final AnsibleWorkspace workspace;
    private final Set<String> secrets;
    private final Playbook playbook;
    private final RunRecorder recorder;
    private final Duration timeout;
    private final PlaybookOutput output = new PlaybookOutput();
    private volatile Playbook.Execution execution;
    private volatile String endedBy;
    private PlaybookOutput.Recap recap;
    private PlaybookOutput.TaskResult firstFailure;

    PlaybookRun(java.util.UUID runId, String hostName, AnsibleWorkspace workspace, Set<String> secrets,
            Playbook playbook, RunRecorder recorder, Duration timeout) {
        this.runId = runId;
        this.hostName = hostName;
        this.workspace = workspace;
        this.secrets = secrets;
        this.playbook = playbook;
        this.recorder = recorder;
        this.timeout = timeout;
    }

    void run() {
        try {
            execution = playbook.start(workspace, this::onLine);
            if (endedBy != null) {
                execution.stop(); // cancelled while starting
            }
            var exitCode = execution.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (exitCode.isEmpty()) {
                execution.stop();
                execution.await(30, TimeUnit.SECONDS);
                recorder.failed(runId, RunState.FAILED, null, "The run was stopped after " + timeout
                        + " (homeport.provisioner.ansible.run-timeout)", recap);
            } else if (endedBy != null) {
                recorder.failed(runId, endedBy.equals("cancel") ? RunState.CANCELLED : RunState.FAILED, null,
                        endedBy.equals("cancel") ? "Cancelled" : endedBy, recap);
            } else if (exitCode.get() == 0 && recap != null && recap.failures() == 0 && recap.unreachable() == 0) {
                recorder.succeeded(runId, recap);
                LOG.infof("Provisioning run %s on %s succeeded: ok=%d changed=%d", runId, hostName, recap.ok(),
                        recap.changed());
            } else if (firstFailure != null) {
                recorder.failed(runId, RunState.FAILED, firstFailure.task(), firstFailure.message(), recap);
            } else {
                recorder.failed(runId, RunState.FAILED, null, scrub("ansible-playbook exited with "
                        + exitCode.get() + ": " + execution.errorTail()), recap);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.errorf("Provisioning run %s on %s broke: %s", runId, hostName, scrub(String.valueOf(e)));
            recordBroken(e);
        } finally {
            workspace.close();
        }
    }

    /** A run whose end cannot be recorded (the provisioner is stopping) stays RUNNING; see the README. */
    private void recordBroken(RuntimeException e) {
        try {
            recorder.failed(runId, RunState.FAILED, null, "The provisioner could not run the playbook: "
                    + scrub(String.valueOf(e.getMessage())), recap);
        } catch (RuntimeException unrecorded) {
            LOG.warnf("Provisioning run %s on %s: its end could not be recorded (%s)", runId, hostName,
                    unrecorded.getMessage());
        }
    }

    /** Ends the playbook because a user asked to; the run ends CANCELLED. */
    void cancel() {
        end("cancel");
    }

    /** Ends the playbook because the provisioner stops; the run ends FAILED with {@code reason}. */
    void abandon(String reason) {
        end(reason);
    }

    private void end(String reason) {
        if (endedBy == null) {
            endedBy = reason;
            LOG.infof("Provisioning run %s on %s: stopping the playbook (%s)", runId, hostName, reason);
            Playbook.Execution running = execution;
            if (running != null) {
                running.stop();
            }
        }
    }

    private void onLine(String line) {
        output.read(line).ifPresent(read -> {
            if (read instanceof PlaybookOutput.TaskResult result) {
                PlaybookOutput.TaskResult scrubbed = new PlaybookOutput.TaskResult(result.task(), result.status(),
                        result.message() == null ? null : scrub(result.message()), result.handler());
                if (firstFailure == null && (scrubbed.status().equals("failed")
                        || scrubbed.status().equals("unreachable"))) {
                    firstFailure = scrubbed;
                }
                recorder.step(runId, scrubbed);
            } else if (read instanceof PlaybookOutput.Recap finalRecap) {
                recap = finalRecap;
            }
        });
    }

    /** A secret never reaches a step, an event or the log, even when a task printed it. */
    private String scrub(String text) {
        String scrubbed = text;
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                scrubbed = scrubbed.replace(secret, HIDDEN);
            }
        }
        return scrubbed;
    }
}
