package io.homeport.gateway.event;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The event log and its stream ({@code homeport.gateway.events.*}). */
@ConfigMapping(prefix = "homeport.gateway.events")
public interface EventsConfig {

    /** How long events are kept (and webhook deliveries with them). */
    @WithDefault("P30D")
    Duration retention();

    /** How often the log is pruned (read by the scheduler; listed here so it is documented and checked). */
    @WithDefault("1h")
    Duration pruneInterval();

    /** How often a stream looks for new events. */
    @WithDefault("500ms")
    Duration streamPoll();

    /** How long a stream may stay silent before it sends a keep-alive comment. */
    @WithDefault("15s")
    Duration keepAlive();
}
