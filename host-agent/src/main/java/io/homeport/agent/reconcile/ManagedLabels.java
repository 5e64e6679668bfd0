package io.homeport.agent.reconcile;

import io.homeport.agent.protocol.ContainerOptions;
import io.homeport.agent.protocol.ContainerSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The labels that mark a container as Homeport's and carry what the agent needs to know about it. They are the
 * agent's only state: after a restart it reads them back from Docker.
 */
public final class ManagedLabels {

    public static final String PREFIX = ContainerSpec.RESERVED_LABEL_PREFIX;
    public static final String MANAGED = PREFIX + "managed";
    public static final String APP = PREFIX + "app";
    public static final String REPLICA = PREFIX + "replica";
    public static final String REVISION = PREFIX + "revision";
    public static final String SPEC_HASH = PREFIX + "spec-hash";
    /**
     * The volumes the container mounts ({@code <app>/<name>}, comma-separated), only on containers that mount any:
     * after a graceful stop the agent syncs them, and the container list says which they are.
     */
    public static final String VOLUMES = PREFIX + "volumes";

    /** The user's labels plus Homeport's own. */
    public static Map<String, String> of(ContainerSpec spec) {
        Map<String, String> labels = new HashMap<>(spec.labels());
        labels.put(MANAGED, "true");
        labels.put(APP, spec.app());
        labels.put(REPLICA, Integer.toString(spec.replica()));
        labels.put(REVISION, Long.toString(spec.revision()));
        labels.put(SPEC_HASH, SpecHash.of(spec));
        String volumes = spec.options().mounts().stream().map(ContainerOptions.Mount::volume)
                .filter(Objects::nonNull).distinct().collect(Collectors.joining(","));
        if (!volumes.isEmpty()) {
            labels.put(VOLUMES, volumes);
        }
        return labels;
    }

    /** The volumes a container with these labels mounts (see {@link #VOLUMES}). */
    public static List<String> volumes(Map<String, String> labels) {
        String volumes = labels == null ? null : labels.get(VOLUMES);
        return volumes == null || volumes.isBlank() ? List.of() : List.of(volumes.split(","));
    }

    public static boolean isManaged(Map<String, String> labels) {
        return labels != null && "true".equals(labels.get(MANAGED));
    }

    private ManagedLabels() {
    }
}
