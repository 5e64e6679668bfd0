package io.homeport.deployer.placement;

import io.homeport.api.apps.AppSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
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
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides where an app's replicas run. Pure and deterministic: the same spec and hosts give the same answer.
 * A host qualifies when its agent is connected, it is the host the spec names (if any), its agent can receive
 * secrets (when the app has any secret or registry login), its labels hold every constraint, and it has the CPU,
 * memory and host ports one more replica needs. Replicas go one at a time to the qualifying host with the fewest
 * replicas of this app so far (spreading them), then the most free memory, then the name. A replica publishing a
 * host port takes that port, so two such replicas never share a host.
 *
 * <p>An app with volumes runs all its replicas on one host, since only one host may hold a volume's writable lease:
 * the host must fit every replica, and among those that do the one holding most of the app's leases comes first
 * (a redeploy does not move data needlessly), then the most free memory, then the name.
 */
public final class Placement {

    /** How a refusal names the hosts when there were none to consider. */
    public static final String NO_HOST = "none";

    public static PlacementDecision place(AppSpec spec, List<Candidate> hosts) {
        Map<UUID, Load> loads = new LinkedHashMap<>();
        hosts.stream().sorted(Comparator.comparing(Candidate::name)).forEach(host -> loads.put(host.hostId(),
                new Load(host)));
        Map<String, String> refusals = new LinkedHashMap<>();
        if (loads.isEmpty()) {
            // nothing to choose from is a refusal too, never a placement on no host
            refusals.put(NO_HOST, "there is no host to place it on");
            return new PlacementDecision(List.of(), refusals);
        }
        if (spec.placement().hostId() != null && !loads.containsKey(spec.placement().hostId())) {
            refusals.put(spec.placement().hostId().toString(), "no such host");
            return new PlacementDecision(List.of(), refusals);
        }
        return spec.volumes().isEmpty() ? spread(spec, loads.values()) : together(spec, loads.values());
    }

    private static PlacementDecision spread(AppSpec spec, Collection<Load> loads) {
        List<UUID> chosen = new ArrayList<>();
        for (int replica = 0; replica < spec.replicas(); replica++) {
            Map<String, String> reasons = new LinkedHashMap<>();
            Load best = best(loads, load -> load.refusal(spec), Load::betterThan, reasons);
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

    /** Every replica on the one best host that fits them all; each other host names the replica it cannot take. */
    private static PlacementDecision together(AppSpec spec, Collection<Load> loads) {
        Map<String, String> reasons = new LinkedHashMap<>();
        Load best = best(loads, load -> load.refusalForAll(spec), Load::holdsMoreOrIsBetterThan, reasons);
        if (best == null) {
            return new PlacementDecision(List.of(), reasons);
        }
        return new PlacementDecision(Collections.nCopies(spec.replicas(), best.host.hostId()), Map.of());
    }

    /**
     * The best of the hosts that take what {@code refusal} asks of them (null when none does); each host that does not
     * puts its reason in {@code reasons}.
     */
    private static Load best(Collection<Load> loads, Function<Load, String> refusal, BiPredicate<Load, Load> better,
            Map<String, String> reasons) {
        Load best = null;
        for (Load load : loads) {
            String refused = refusal.apply(load);
            if (refused != null) {
                reasons.put(load.host.name(), refused);
            } else if (best == null || better.test(load, best)) {
                best = load;
            }
        }
        return best;
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
            if (host.unavailable() != null) {
                return host.unavailable();
            }
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

        /** Takes every replica of the spec, or says which one it cannot take and why. */
        String refusalForAll(AppSpec spec) {
            for (int replica = 1; replica <= spec.replicas(); replica++) {
                String refusal = refusal(spec);
                if (refusal != null) {
                    return "replica " + replica + " of " + spec.replicas() + ": " + refusal
                            + (replica > 1 ? " (an app with volumes runs all its replicas on one host)" : "");
                }
                take(spec);
            }
            return null;
        }

        boolean holdsMoreOrIsBetterThan(Load other) {
            if (host.leasesHeld() != other.host.leasesHeld()) {
                return host.leasesHeld() > other.host.leasesHeld();
            }
            return betterThan(other);
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
