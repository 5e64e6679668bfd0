package io.homeport.agent.reconcile;

import io.homeport.agent.protocol.ContainerSpec;
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
 */
public final class Reconciler {

    public static List<Action> diff(List<ContainerSpec> desired, Collection<ActualContainer> actual,
            Set<String> imagesPresent) {
        Map<String, ActualContainer> managed = actual.stream().filter(ActualContainer::managed)
                .collect(Collectors.toMap(ActualContainer::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Set<String> wanted = desired.stream().map(ContainerSpec::containerName).collect(Collectors.toSet());

        List<Action> pulls = new ArrayList<>();
        List<Action> removals = new ArrayList<>();
        List<Action> changes = new ArrayList<>();
        Set<String> pulled = new HashSet<>();

        for (ActualContainer container : managed.values()) {
            if (!wanted.contains(container.name())) {
                stopAndRemove(container, removals);
            }
        }
        for (ContainerSpec spec : desired) {
            String name = spec.containerName();
            ActualContainer current = managed.get(name);
            if (current != null && SpecHash.of(spec).equals(current.specHash())) {
                if (!current.running()) {
                    changes.add(new Action.Start(name));
                }
                continue;
            }
            if (needsPull(spec, imagesPresent) && pulled.add(spec.image())) {
                pulls.add(new Action.Pull(name, spec.image()));
            }
            if (current != null) {
                stopAndRemove(current, changes);
            }
            changes.add(new Action.Create(name, spec));
            changes.add(new Action.Start(name));
        }

        List<Action> plan = new ArrayList<>(pulls);
        plan.addAll(removals);
        plan.addAll(changes);
        return plan;
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
