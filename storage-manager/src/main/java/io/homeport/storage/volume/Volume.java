package io.homeport.storage.volume;

import io.homeport.api.storage.BackupPolicy;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** An app's volume as the storage-manager keeps it: its lease, the holder's last sync, and its backup policy. */
@Entity
@Table(name = "volume")
@IdClass(Volume.Key.class)
public class Volume extends PanacheEntityBase {

    /** What a volume is backed up by until a user says otherwise. */
    public static final BackupPolicy DEFAULT_POLICY = new BackupPolicy(true, 1440, 7, 30, null);

    public record Key(String app, String name) {
    }

    @Id
    public String app;

    @Id
    public String name;

    /** {@code shared} or {@code local-synced}. */
    public String mode;

    @Column(name = "requested_at")
    public Instant requestedAt;

    /** When its lease was last granted (answered with volume.ready). */
    @Column(name = "ready_at")
    public Instant readyAt;

    /** The host holding the writable lease; null when none does. */
    @Column(name = "holder_host_id")
    public UUID holderHostId;

    /** The lease's fencing epoch: 0 before the first lease, one more each time it moves. */
    public long epoch;

    @Column(name = "leased_at")
    public Instant leasedAt;

    @Column(name = "last_sync_at")
    public Instant lastSyncAt;

    @Column(name = "last_sync_succeeded")
    public Boolean lastSyncSucceeded;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "backup_enabled")
    public boolean backupEnabled;

    @Column(name = "backup_interval_minutes")
    public int backupIntervalMinutes;

    @Column(name = "backup_keep_last")
    public int backupKeepLast;

    @Column(name = "backup_max_age_days")
    public int backupMaxAgeDays;

    /** Null: the configured backup remote. */
    @Column(name = "backup_remote")
    public String backupRemote;

    /** When the scheduler starts its next backup (if enabled). */
    @Column(name = "next_backup_at")
    public Instant nextBackupAt;

    public BackupPolicy policy() {
        return new BackupPolicy(backupEnabled, backupIntervalMinutes, backupKeepLast, backupMaxAgeDays, backupRemote);
    }

    /** Takes {@code policy}; the next scheduled backup is one interval after {@code lastBackup}. */
    public void apply(BackupPolicy policy, Instant lastBackup) {
        backupEnabled = policy.enabled();
        backupIntervalMinutes = policy.intervalMinutes();
        backupKeepLast = policy.keepLast();
        backupMaxAgeDays = policy.maxAgeDays();
        backupRemote = policy.remote();
        nextBackupAt = lastBackup.plus(Duration.ofMinutes(backupIntervalMinutes));
    }

    public Key key() {
        return new Key(app, name);
    }
}
