package io.homeport.agent.reconcile;

import io.homeport.agent.protocol.ContainerSpec;
import io.homeport.agent.protocol.HostVolume;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The pure heart of the agent: what to do to turn {@code actual} into {@code desired}. No Docker here, so every
 * decision is unit-tested; {@code docker.DockerActions} carries the result out.
 *
 * <p>Order: images are pulled first (the old container keeps serving meanwhile), then containers that are no
 * longer wanted are stopped and removed, then each desired container is created, recreated or started in the
 * order of the desired state. Containers without the {@code io.homeport.managed} label are never touched.
 *
 * <p>A changed container whose spec asks for start-first (and whose old container still runs) is replaced over
 * several passes, each deciding from what Docker shows: first its successor is created and started beside it under
 * {@link ContainerSpec#successorName()}; once the successor is {@link ActualContainer#ready() ready} the old one is
 * stopped and removed and the successor renamed into its place. Until then the old one keeps serving; a successor
 * that fails is left for the deployer to judge, and is removed when the desired state no longer asks for it.
 *
 * <p>Leases: a desired container that mounts a volume ({@link io.homeport.agent.protocol.ContainerOptions.Mount#volume()})
 * runs only while this host holds that volume's lease ({@link LeaseBlock}). Without one it is neither created nor
 * started nor changed, and a missing or stale lease also stops it (stopped, not removed: its data and container
 * stay for when the lease comes back); each such container gets an {@link Action.Hold} saying why.
 */
public final class Reconciler {

    /** A diff with no volume leases: any container that mounts a volume is held back. */
    public static List<Action> diff(List<ContainerSpec> desired, Collection<ActualContainer> actual,
            Set<String> imagesPresent) {
        return diff(desired, actual, imagesPresent, Map.of());
    }

    /**
     * @param leases the lease of each volume of the desired state by {@link HostVolume#key()}, as last checked
     */
    public static List<Action> diff(List<ContainerSpec> desired, Collection<ActualContainer> actual,
            Set<String> imagesPresent, Map<String, VolumeLease> leases) {
        Map<String, ActualContainer> managed = actual.stream().filter(ActualContainer::managed)
                .collect(Collectors.toMap(ActualContainer::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));

        List<Action> pulls = new ArrayList<>();
        List<Action> removals = new ArrayList<>();
        List<Action> changes = new ArrayList<>();
        Set<String> pulled = new HashSet<>();
        Set<String> kept = new HashSet<>();

        for (ContainerSpec spec : desired) {
            String name = spec.containerName();
            kept.add(name);
            ActualContainer current = managed.get(name);
            String hash = SpecHash.of(spec);
            LeaseBlock block = LeaseBlock.of(spec, leases);
            if (block != null) {
                kept.add(spec.successorName());
                hold(spec, hash, block, current, managed.get(spec.successorName()), changes);
                continue;
            }
            if (current != null && hash.equals(current.specHash())) {
                if (!current.running()) {
                    changes.add(new Action.Start(name));
                }
                continue;
            }
            ActualContainer successor = managed.get(spec.successorName());
            boolean replacing = spec.options().startFirst() && (current == null ? successor != null
                    && hash.equals(successor.specHash()) : current.running());
            if (replacing) {
                kept.add(spec.successorName());
                if (successor == null || !hash.equals(successor.specHash())) {
                    pull(spec, imagesPresent, pulled, pulls);
                }
                replaceStartFirst(spec, hash, current, successor, changes);
                continue;
            }
            pull(spec, imagesPresent, pulled, pulls);
            if (current != null) {
                stopAndRemove(current, changes);
            }
            changes.add(new Action.Create(name, spec));
            changes.add(new Action.Start(name));
        }
        for (ActualContainer container : managed.values()) {
            if (!kept.contains(container.name())) {
                stopAndRemove(container, removals);
            }
        }

        List<Action> plan = new ArrayList<>(pulls);
        plan.addAll(removals);
        plan.addAll(changes);
        return plan;
    }

    /**
     * One step of a start-first replacement of {@code current} (null when an earlier pass removed it but did not get
     * to the rename), given its {@code successor} (null when there is none yet).
     */
    private static void replaceStartFirst(ContainerSpec spec, String hash, ActualContainer current,
            ActualContainer successor, List<Action> into) {
        String next = spec.successorName();
        if (successor == null || !hash.equals(successor.specHash())) {
            if (successor != null) {
                stopAndRemove(successor, into); // the successor of an earlier revision
            }
            into.add(new Action.Create(next, spec));
            into.add(new Action.Start(next));
        } else if (successor.ready()) {
            if (current != null) {
                stopAndRemove(current, into);
            }
            into.add(new Action.Rename(spec.containerName(), next));
        }
        // otherwise the successor is starting, or failing: the old container keeps serving meanwhile
    }

    /** What to do with a container whose volume lease is missing, stale or unknown: never more than stop it. */
    private static void hold(ContainerSpec spec, String hash, LeaseBlock block, ActualContainer current,
            ActualContainer successor, List<Action> into) {
        String name = spec.containerName();
        if (successor != null && successor.running() && block.stopsRunning()) {
            into.add(new Action.Stop(successor.name(), successor.id(), block.atOnce()));
        }
        if (current == null || !current.running()) {
            into.add(new Action.Hold(name, block.reason() + ": not started"));
        } else if (block.stopsRunning()) {
            into.add(new Action.Stop(name, current.id(), block.atOnce()));
            into.add(new Action.Hold(name, block.reason() + ": stopped"));
        } else if (!hash.equals(current.specHash())) {
            into.add(new Action.Hold(name, block.reason() + ": left running, not updated"));
        }
        // otherwise it runs as desired, and an unknown lease is no reason to stop it
    }

    private static void pull(ContainerSpec spec, Set<String> imagesPresent, Set<String> pulled, List<Action> into) {
        if (needsPull(spec, imagesPresent) && pulled.add(spec.image())) {
            into.add(new Action.Pull(spec.containerName(), spec.image(), spec.options().registryAuth()));
        }
    }

    private static boolean needsPull(ContainerSpec spec, Set<String> imagesPresent) {
        return switch (spec.pullPolicy()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case MISSING -> !imagesPresent.contains(spec.image());
        };
    }

    private static void stopAndRemove(ActualContainer container, List<Action> into) {
        if (container.running()) {
            into.add(new Action.Stop(container.name(), container.id()));
        }
        into.add(new Action.Remove(container.name(), container.id()));
    }

    private Reconciler() {
    }
}
