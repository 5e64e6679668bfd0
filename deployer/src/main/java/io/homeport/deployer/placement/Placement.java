package io.homeport.deployer.placement;

import io.homeport.api.apps.AppSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Decides where an app's replicas run. Pure and deterministic: the same spec and hosts give the same answer.
 * A host qualifies when its agent is connected, it is the host the spec names (if any), its agent can receive
 * secrets (when the app has any secret or registry login), its labels hold every constraint, and it has the CPU,
 * memory and host ports one more replica needs. Replicas go one at a time to the qualifying host with the fewest
 * replicas of this app so far (spreading them), then the most free memory, then the name. A replica publishing a
 * host port takes that port, so two such replicas never share a host.
 */
public final class Placement {

    public static PlacementDecision place(AppSpec spec, List<Candidate> hosts) {
        Map<UUID, Load> loads = new LinkedHashMap<>();
        hosts.stream().sorted(Comparator.comparing(Candidate::name)).forEach(host -> loads.put(host.hostId(),
                new Load(host)));
        Map<String, String> refusals = new LinkedHashMap<>();
        if (spec.placement().hostId() != null && !loads.containsKey(spec.placement().hostId())) {
            refusals.put(spec.placement().hostId().toString(), "no such host");
            return new PlacementDecision(List.of(), refusals);
        }
        List<UUID> chosen = new ArrayList<>();
        for (int replica = 0; replica < spec.replicas(); replica++) {
            Map<String, String> reasons = new LinkedHashMap<>();
            Load best = null;
            for (Load load : loads.values()) {
                String refusal = load.refusal(spec);
                if (refusal != null) {
                    reasons.put(load.host.name(), refusal);
                } else if (best == null || load.betterThan(best)) {
                    best = load;
                }
            }
            if (best == null) {
                reasons.replaceAll((host, reason) -> "replica " + (chosen.size() + 1) + " of " + spec.replicas()
                        + ": " + reason);
                return new PlacementDecision(List.of(), reasons);
            }
            best.take(spec);
            chosen.add(best.host.hostId());
        }
        return new PlacementDecision(List.copyOf(chosen), Map.of());
    }

    /** A host and what this decision has put on it so far. */
    private static final class Load {
        private final Candidate host;
        private final Set<String> ports;
        private double cpus;
        private long memoryMb;
        private int replicas;

        Load(Candidate host) {
            this.host = host;
            this.ports = new HashSet<>(host.usedHostPorts());
            this.cpus = host.usedCpus();
            this.memoryMb = host.usedMemoryMb();
        }

        String refusal(AppSpec spec) {
            if (!host.online()) {
                return "its agent is not connected";
            }
            if (spec.placement().hostId() != null && !spec.placement().hostId().equals(host.hostId())) {
                return "the app is placed on " + spec.placement().hostId();
            }
            if ((!spec.secrets().isEmpty() || spec.registryCredentials() != null) && !host.canUnseal()) {
                return "its agent offers no key to seal secrets to (an agent from before secrets: upgrade it)";
            }
            Map<String, String> missing = new HashMap<>();
            spec.placement().constraints().forEach((key, value) -> {
                if (!value.equals(host.labels().get(key))) {
                    missing.put(key, value);
                }
            });
            if (!missing.isEmpty()) {
                return "labels do not match " + new TreeMap<>(missing);
            }
            Double wantCpus = spec.resources().cpus();
            if (wantCpus != null && cpus + wantCpus > host.cpus() + 1e-9) {
                return String.format(Locale.ROOT, "needs %.2f CPUs, %.2f of %.2f free", wantCpus,
                        host.cpus() - cpus, host.cpus());
            }
            Long wantMemory = spec.resources().memoryMb();
            if (wantMemory != null && memoryMb + wantMemory > host.memoryMb()) {
                return "needs " + wantMemory + " MiB memory, " + (host.memoryMb() - memoryMb) + " of "
                        + host.memoryMb() + " MiB free";
            }
            String taken = hostPorts(spec).stream().filter(ports::contains).sorted()
                    .collect(Collectors.joining(", "));
            if (!taken.isEmpty()) {
                return "host port " + taken + " is taken";
            }
            return null;
        }

        boolean betterThan(Load other) {
            if (replicas != other.replicas) {
                return replicas < other.replicas;
            }
            long free = host.memoryMb() - memoryMb;
            long otherFree = other.host.memoryMb() - other.memoryMb;
            if (free != otherFree) {
                return free > otherFree;
            }
            return host.name().compareTo(other.host.name()) < 0;
        }

        void take(AppSpec spec) {
            replicas++;
            cpus += spec.resources().cpus() == null ? 0 : spec.resources().cpus();
            memoryMb += spec.resources().memoryMb() == null ? 0 : spec.resources().memoryMb();
            ports.addAll(hostPorts(spec));
        }
    }

    /** The host ports the app publishes, as {@code port/protocol}. */
    public static Set<String> hostPorts(AppSpec spec) {
        return spec.ports().stream().filter(port -> port.hostPort() != null)
                .map(port -> port.hostPort() + "/" + port.protocol()).collect(Collectors.toSet());
    }

    private Placement() {
    }
}
