package io.homeport.storage.backup;

import io.homeport.api.storage.RestoreView;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A restore of a backup onto a host: RUNNING, then COMPLETED or FAILED. */
@Entity
@Table(name = "restore")
public class Restore extends PanacheEntityBase {

    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";

    @Id
    public UUID id;

    @Column(name = "backup_id")
    public UUID backupId;

    public String app;

    public String volume;

    @Column(name = "host_id")
    public UUID hostId;

    /** The host directory (or, for a shared volume, the rclone path) restored into. */
    public String destination;

    public String state;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public String message;

    public RestoreView view() {
        return new RestoreView(id, backupId, app, volume, hostId, destination, state, startedAt, finishedAt, message);
    }
}
