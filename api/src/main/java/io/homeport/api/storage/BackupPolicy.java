package io.homeport.api.storage;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * When a volume is backed up and how long backups are kept: a backup is deleted once it is older than
 * {@code maxAgeDays} or more than {@code keepLast} newer ones exist (whichever comes first); the newest backup is
 * never deleted by age alone.
 */
@Schema(description = "Scheduled backups of a volume and their retention.")
public record BackupPolicy(
        @Schema(description = "false: no scheduled backups (backups on request still work)") boolean enabled,
        @NotNull(message = "is required") @Min(value = 5, message = "must be at least 5 minutes")
        @Max(value = 527_040, message = "must be at most a year") Integer intervalMinutes,
        @NotNull(message = "is required") @Min(value = 1, message = "must keep at least one backup")
        @Max(value = 1000, message = "must be at most 1000") Integer keepLast,
        @NotNull(message = "is required") @Min(value = 1, message = "must be at least one day")
        @Max(value = 3650, message = "must be at most 3650 days") Integer maxAgeDays,
        @Schema(description = "the remote backups go to; null for the configured backup remote") String remote) {
}
