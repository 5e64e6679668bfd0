package io.homeport.agent.reconcile;

import io.homeport.agent.protocol.ContainerSpec;
import java.util.HashMap;
import java.util.Map;

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

    /** The user's labels plus Homeport's own. */
    public static Map<String, String> of(ContainerSpec spec) {
        Map<String, String> labels = new HashMap<>(spec.labels());
        labels.put(MANAGED, "true");
        labels.put(APP, spec.app());
        labels.put(REPLICA, Integer.toString(spec.replica()));
        labels.put(REVISION, Long.toString(spec.revision()));
        labels.put(SPEC_HASH, SpecHash.of(spec));
        return labels;
    }

    public static boolean isManaged(Map<String, String> labels) {
        return labels != null && "true".equals(labels.get(MANAGED));
    }

    private ManagedLabels() {
    }
}
