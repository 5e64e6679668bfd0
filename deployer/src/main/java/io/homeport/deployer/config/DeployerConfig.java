package io.homeport.deployer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The deployer's own settings ({@code homeport.deployer.*}). */
@ConfigMapping(prefix = "homeport.deployer")
public interface DeployerConfig {

    /** Name under which this service records the events it processed; keep it stable across releases. */
    @WithDefault("deployer")
    String consumerName();

    /** How long a rollout may take before it counts as failed (and is rolled back). */
    @WithDefault("PT2M")
    Duration rolloutTimeout();

    /** For an app without a health check: how long every replica must keep running to pass the gate. */
    @WithDefault("PT10S")
    Duration runningGate();

    /**
     * How long a planned move waits for the volume's holder (online, running the app) to stop the app and sync its
     * volume one last time before the volume moves anyway, losing what was written since its last sync.
     */
    @WithDefault("PT1M")
    Duration handoverTimeout();

    /**
     * How long a volume whose holder is offline (lost, or its agent gone) waits before it moves to another host: by
     * then the holder, if it still runs, has stopped writing the volume, because its agent stops the containers on a
     * volume whose fence it has not read for {@code HOMEPORT_AGENT_SELF_FENCE} (default 10 s). It must cover that
     * window, plus up to 5 s between the agent's fence reads and 15 s for a read to fail, less the time a host takes
     * to be declared lost (10 s): two hosts then never write one volume.
     */
    @WithDefault("PT20S")
    Duration fenceWait();
}
