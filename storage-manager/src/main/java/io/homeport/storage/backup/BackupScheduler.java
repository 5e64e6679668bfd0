package io.homeport.storage.backup;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Starts due backups and fails the ones that ran too long; safe with several replicas ({@link Backups#startDue}). */
@ApplicationScoped
public class BackupScheduler {

    private final Backups backups;

    BackupScheduler(Backups backups) {
        this.backups = backups;
    }

    @Scheduled(every = "${homeport.storage.backup-check-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void pass() {
        backups.failTimedOut();
        backups.startDue();
    }
}
