package io.homeport.storage.backup;

import io.homeport.api.storage.BackupView;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One backup of a volume: a dated copy on a remote with its MD5 sums beside it. */
@Entity
@Table(name = "backup")
public class Backup extends PanacheEntityBase {

    @Id
    public UUID id;

    public String app;

    public String volume;

    @Enumerated(EnumType.STRING)
    public BackupState state;

    /** The remote it is kept on. */
    public String remote;

    /** {@code <remote>:homeport-backups/<app>/<volume>/<UTC stamp>}. */
    public String location;

    /** {@code <location>.md5}. */
    public String checksums;

    /** The host whose agent made it. */
    @Column(name = "host_id")
    public UUID hostId;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "verified_at")
    public Instant verifiedAt;

    /** Why it failed, is corrupt, or was deleted. */
    public String message;

    public BackupView view() {
        return new BackupView(id, app, volume, state.name(), location, hostId, startedAt, finishedAt, verifiedAt,
                message);
    }
}
