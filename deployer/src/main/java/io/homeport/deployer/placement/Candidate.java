package io.homeport.deployer.placement;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A host as placement sees it: what its agent reported it has, what the apps already placed there take, and
 * whether its agent is connected.
 *
 * @param usedHostPorts {@code 8080/tcp}, ... published by the apps already placed there
 * @param canUnseal     whether its agent offered a sealing key, without which it cannot receive secrets
 * @param leasesHeld    how many of the placed app's volumes this host holds the writable lease of
 * @param unavailable   why it takes nothing new whatever its agent says (drained, lost), or null
 */
public record Candidate(UUID hostId, String name, Map<String, String> labels, boolean online, double cpus,
        long memoryMb, double usedCpus, long usedMemoryMb, Set<String> usedHostPorts, boolean canUnseal,
        int leasesHeld, String unavailable) {

    public Candidate {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        usedHostPorts = usedHostPorts == null ? Set.of() : Set.copyOf(usedHostPorts);
    }

    /** A host that is neither drained nor lost. */
    public Candidate(UUID hostId, String name, Map<String, String> labels, boolean online, double cpus,
            long memoryMb, double usedCpus, long usedMemoryMb, Set<String> usedHostPorts, boolean canUnseal,
            int leasesHeld) {
        this(hostId, name, labels, online, cpus, memoryMb, usedCpus, usedMemoryMb, usedHostPorts, canUnseal,
                leasesHeld, null);
    }
}
