package io.homeport.agent.protocol;

import java.util.List;
import java.util.Optional;

/**
 * What the agent tells the control plane about its host when it connects (placement reads CPUs and memory).
 *
 * @param tailscaleIpv4 the host's tailnet address, when it has joined one
 */
public record HostFacts(String hostname, String osId, String osVersion, String osPrettyName, String kernel, int cpus,
        long memoryBytes, List<Disk> disks, String dockerVersion, Optional<String> tailscaleIpv4) {

    /** A mounted file system the host stores data on. */
    public record Disk(String mountPoint, String type, long totalBytes, long usableBytes) {
    }
}
