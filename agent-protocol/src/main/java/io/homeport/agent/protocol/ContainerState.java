package io.homeport.agent.protocol;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A container as its agent sees it, in reports. {@code app}, {@code revision} and {@code specHash} are set for
 * the containers Homeport manages only.
 *
 * @param state  Docker's state: created, running, exited, ...
 * @param health healthy, unhealthy, starting, or null without a health check
 * @param labels       the container's labels that ask for public exposure, managed or not (those under
 *                     {@link #EXPOSURE_PREFIXES} or a prefix the agent is configured with); empty when none
 * @param restartCount how often the container came back after exiting on its own (a crash, an out-of-memory
 *                     kill), whether Docker's restart policy or the agent's reconciler started it again; restarts
 *                     someone asked for (a stop, a restart command) do not count. It only grows while the agent
 *                     runs and may start lower after the agent restarted; null when unknown (an older agent)
 */
public record ContainerState(String id, String name, String image, String state, String health, boolean managed,
        String app, Long revision, String specHash, Instant startedAt, Map<String, String> labels,
        Integer restartCount) {

    /**
     * Label prefixes that ask for exposure through a Cloudflare tunnel: Homeport's own, DockFlare's, and DockFlare's
     * legacy one, so that containers labelled for DockFlare move over unchanged.
     */
    public static final List<String> EXPOSURE_PREFIXES = List.of(ExposurePrefixes.HOMEPORT,
            ExposurePrefixes.DOCKFLARE, ExposurePrefixes.LEGACY);

    /** The exposure label prefixes by name, in precedence order: the agent and the tunnel-manager share them. */
    public static final class ExposurePrefixes {
        /** Homeport's own prefix; it wins over labels written for DockFlare. */
        public static final String HOMEPORT = "homeport.expose.";
        /** DockFlare's primary prefix, also its default configured prefix. */
        public static final String DOCKFLARE = "dockflare.";
        /** The prefix DockFlare kept from its first releases. */
        public static final String LEGACY = "cloudflare.tunnel.";

        private ExposurePrefixes() {
        }
    }

    public ContainerState {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** A container whose restart count is unknown. */
    public ContainerState(String id, String name, String image, String state, String health, boolean managed,
            String app, Long revision, String specHash, Instant startedAt, Map<String, String> labels) {
        this(id, name, image, state, health, managed, app, revision, specHash, startedAt, labels, null);
    }

    /** The labels of {@code all} under one of {@code prefixes}. */
    public static Map<String, String> exposureLabels(Map<String, String> all, List<String> prefixes) {
        Map<String, String> exposure = new TreeMap<>();
        all.forEach((key, value) -> {
            if (value != null && prefixes.stream().anyMatch(key::startsWith)) {
                exposure.put(key, value);
            }
        });
        return exposure;
    }
}
