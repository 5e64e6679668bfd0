package io.homeport.agent.volume;

import io.homeport.agent.command.RcloneCommand;
import io.homeport.agent.docker.VolumeLeases;
import io.homeport.agent.protocol.VolumeState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The agent's side of volumes and leases, assembled: the {@link VolumeLeases} its reconcile passes decide with, the
 * scheduler that syncs {@code local-synced} volumes, and the volumes' state for full reports. Closing it stops the
 * scheduler (and with it any sync under way); it never stops a container.
 */
public final class Volumes implements AutoCloseable {

    /** The agent's default self-fence window: see {@code HOMEPORT_AGENT_SELF_FENCE}. */
    public static final Duration DEFAULT_SELF_FENCE = Duration.ofSeconds(10);

    private final VolumeRegistry registry = new VolumeRegistry();
    private final VolumeSyncer syncer;
    private final VolumeLeaseKeeper leases;

    /**
     * @param hostId   written into the fences this host claims, for people reading them
     * @param stateDir the agent's state directory, where each volume's tenure is kept
     * @param onStale  asks for a reconcile pass: a sync found a lease stale, so containers must stop
     * @param onReleased asks for a full report: a volume was released after its containers stopped, and the control
     *                 plane waits for that to move it
     */
    public Volumes(UUID hostId, RcloneCommand rclone, Path stateDir, Runnable onStale, Runnable onReleased) {
        this(hostId, rclone, stateDir, DEFAULT_SELF_FENCE, onStale, onReleased);
    }

    /**
     * @param selfFence how long a volume's fence may go unread before this host stops the containers on it
     *                  ({@code HOMEPORT_AGENT_SELF_FENCE}); the control plane moves a lost host's volumes only after
     *                  it has surely passed
     */
    public Volumes(UUID hostId, RcloneCommand rclone, Path stateDir, Duration selfFence, Runnable onStale,
            Runnable onReleased) {
        Clock clock = Clock.systemUTC();
        Fence fence = new Fence(rclone);
        VolumeCopies copies = new VolumeCopies(rclone);
        VolumeTakeover takeover = new VolumeTakeover(hostId, fence, new TenureMarkers(stateDir), copies, clock);
        this.syncer = new VolumeSyncer(registry, fence, takeover, copies, onStale, onReleased, clock, selfFence);
        this.leases = new VolumeLeaseKeeper(registry, fence, takeover, syncer, onReleased, clock, selfFence);
    }

    /** Starts the sync schedule. */
    public Volumes start() {
        syncer.start();
        return this;
    }

    public VolumeLeases leases() {
        return leases;
    }

    /** One state per volume of the desired state. */
    public List<VolumeState> states() {
        return registry.states();
    }

    /**
     * Syncs the volume {@code key} now if this host may (its fence holds this host's epoch and its data is of this
     * tenure), as the scheduler would.
     *
     * @return whether it synced successfully
     */
    public boolean syncNow(String key) throws InterruptedException {
        TrackedVolume volume = registry.get(key);
        return volume != null && syncer.sync(volume);
    }

    @Override
    public void close() {
        syncer.close();
    }
}
