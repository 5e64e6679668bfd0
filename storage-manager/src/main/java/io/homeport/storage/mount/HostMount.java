package io.homeport.storage.mount;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The shared-remote mount one host must keep. */
@Entity
@Table(name = "host_mount")
public class HostMount extends PanacheEntityBase {

    @Id
    @Column(name = "host_id")
    public UUID hostId;

    @Column(name = "host_name")
    public String hostName;

    @Column(name = "mount_path")
    public String mountPath;

    @Enumerated(EnumType.STRING)
    public MountState state;

    @Column(name = "created_at")
    public Instant createdAt;

    /** When the agent's check that gave the current state ran; null while PENDING. */
    @Column(name = "state_since")
    public Instant stateSince;

    /** Why it is DEGRADED; null otherwise. */
    public String message;
}
