package io.homeport.deployer.volume;

import io.homeport.agent.protocol.HostVolume;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A volume of an app as the deployer last asked the storage-manager for it ({@code mode}, for which host, when), and
 * the writable lease the storage-manager last granted for it (holder, fencing epoch, paths). What the volume is made
 * of is the storage-manager's: the deployer only passes the lease on to the holder's desired state.
 */
@Entity
@Table(name = "app_volume")
@IdClass(AppVolume.Key.class)
public class AppVolume extends PanacheEntityBase {

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

    /** The host the last request named: the one the app's deployment waits to see holding the lease. */
    @Column(name = "requested_host_id")
    public UUID requestedHostId;

    /** When the storage-manager last granted the lease; null while none was granted. */
    @Column(name = "ready_at")
    public Instant readyAt;

    /** The host holding the writable lease; null while none does. */
    @Column(name = "host_id")
    public UUID hostId;

    /** The lease's fencing epoch: it grows each time the lease moves. */
    public Long epoch;

    /** The volume as its holder's agent is to use it (paths, epoch), as the storage-manager granted it. */
    @JdbcTypeCode(SqlTypes.JSON)
    public HostVolume lease;

    /**
     * The holder asked to let go of the volume before it moves to {@code requestedHostId} (it stops the app and, for
     * {@code local-synced}, syncs once more); null when no handover is under way, and the request was sent.
     */
    @Column(name = "handover_from")
    public UUID handoverFrom;

    /** When the volume is requested for the new host even if its holder has not let go of it. */
    @Column(name = "handover_deadline")
    public Instant handoverDeadline;

    /** Whether a deployment on {@code host} may start: the volume was last requested for it and it holds the lease. */
    public boolean leasedTo(UUID host) {
        return lease != null && host.equals(hostId) && host.equals(requestedHostId) && mode.equals(lease.mode());
    }
}
