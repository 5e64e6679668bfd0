package io.homeport.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the transactional outbox and its relay, shared by every service. */
@ConfigMapping(prefix = "homeport.outbox")
public interface OutboxConfig {

    Relay relay();

    /** How long published rows are kept (for inspection) before they are deleted. */
    @WithDefault("P7D")
    Duration retention();

    /** Partitions of each catalogue topic the relay creates when it is missing. */
    @WithDefault("3")
    int topicPartitions();

    interface Relay {
        /** Off only to hold events back on purpose (maintenance, tests of crash recovery); they wait in the table. */
        @WithDefault("true")
        boolean enabled();

        /** Backstop poll for rows committed by another replica or left by a crashed process. */
        @WithDefault("1s")
        Duration pollInterval();

        @WithDefault("500")
        int batchSize();

        /** First wait after a failed publish; doubles up to {@link #maxBackoff()}. */
        @WithDefault("200ms")
        Duration initialBackoff();

        @WithDefault("5s")
        Duration maxBackoff();

        /** How long one send may wait for the broker before the batch is retried. */
        @WithDefault("10s")
        Duration sendTimeout();
    }
}
