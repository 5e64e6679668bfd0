package io.homeport.deployer.volume;

import io.homeport.agent.protocol.VolumeState;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Moves volume handovers along (see {@link Volumes}): a holder's report that it released a volume sends the volume's
 * request for its new host, and once a second the handovers past their deadline, or from a host gone offline, stop
 * waiting.
 */
@ApplicationScoped
public class Handovers {

    private final Volumes volumes;

    Handovers(Volumes volumes) {
        this.volumes = volumes;
    }

    @Transactional
    public void reported(UUID host, List<VolumeState> states) {
        volumes.reported(host, states);
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void sendOverdue() {
        volumes.sendOverdue(Instant.now());
    }
}
