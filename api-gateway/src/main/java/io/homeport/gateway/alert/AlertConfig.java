package io.homeport.gateway.alert;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The default alert rules' thresholds and windows ({@code homeport.gateway.alerts.*}). */
@ConfigMapping(prefix = "homeport.gateway.alerts")
public interface AlertConfig {

    /**
     * Events older than this raise no alert: a consumer group that starts on a topic's history (a first start, an
     * upgrade) must not page anyone about the past.
     */
    @WithDefault("PT1H")
    Duration maxAge();

    CrashLoop crashLoop();

    Disk disk();

    interface CrashLoop {

        /** A container crash-loops when it restarted at least this often within {@link #window()}. */
        @WithDefault("3")
        int restarts();

        /** The window restarts are counted in; a looping container is alerted on at most once per window. */
        @WithDefault("PT5M")
        Duration window();
    }

    interface Disk {

        /** A file system fuller than this (used / (used + available), in %) raises disk-usage-high. */
        @WithDefault("90")
        double usedPercent();
    }
}
