package io.homeport.storage.backup;

/** RUNNING until the agent answers; COMPLETED or FAILED then; CORRUPT when a verification fails; DELETED. */
public enum BackupState {
    RUNNING, COMPLETED, FAILED, CORRUPT, DELETED
}
