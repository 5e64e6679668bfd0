package io.homeport.agent.reconcile;

import io.homeport.agent.protocol.ContainerOptions;
import io.homeport.agent.protocol.ContainerSpec;
import io.homeport.agent.protocol.PullPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import io.homeport.agent.reconcile.Action.Create;
import io.homeport.agent.reconcile.Action.Pull;
import io.homeport.agent.reconcile.Action.Remove;
import io.homeport.agent.reconcile.Action.Rename;
import io.homeport.agent.reconcile.Action.Start;
import io.homeport.agent.reconcile.Action.Stop;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReconcilerTest {

    private static final String IMAGE = "local/busybox:1";

    private static ContainerSpec spec(String app, Map<String, String> env) {
        return new ContainerSpec(app, 0, 1, IMAGE, List.of("sleep", "3600"), env, Map.of(), List.of(), null,
                PullPolicy.MISSING);
    }

    private static ActualContainer running(ContainerSpec spec) {
        return new ActualContainer("id-" + spec.app(), spec.containerName(), spec.image(), "running", null,
                ManagedLabels.of(spec));
    }

    @Test
    void createsAndStartsWhatIsMissingInDesiredOrder() {
        List<ContainerSpec> desired = List.of(spec("web", Map.of()), spec("db", Map.of()), spec("cache", Map.of()));

        List<Action> plan = Reconciler.diff(desired, List.of(), Set.of(IMAGE));

        assertThat(plan).containsExactly(
                new Create("hp-web-0", desired.get(0)), new Start("hp-web-0"),
                new Create("hp-db-0", desired.get(1)), new Start("hp-db-0"),
                new Create("hp-cache-0", desired.get(2)), new Start("hp-cache-0"));
    }

    @Test
    void doesNothingWhenActualMatchesDesired() {
        ContainerSpec web = spec("web", Map.of("A", "1"));

        assertThat(Reconciler.diff(List.of(web), List.of(running(web)), Set.of(IMAGE))).isEmpty();
    }

    @Test
    void aNewRevisionWithTheSameContentChangesNothing() {
        ContainerSpec before = spec("web", Map.of("A", "1"));
        ContainerSpec after = new ContainerSpec("web", 0, 2, IMAGE, before.command(), before.env(), Map.of(),
                List.of(), null, PullPolicy.MISSING);

        assertThat(Reconciler.diff(List.of(after), List.of(running(before)), Set.of(IMAGE))).isEmpty();
    }

    @Test
    void recreatesOnlyTheContainerWhoseSpecChanged() {
        ContainerSpec web = spec("web", Map.of("A", "1"));
        ContainerSpec db = spec("db", Map.of("B", "1"));
        ContainerSpec changedDb = spec("db", Map.of("B", "2"));

        List<Action> plan = Reconciler.diff(List.of(web, changedDb), List.of(running(web), running(db)),
                Set.of(IMAGE));

        assertThat(plan).containsExactly(new Stop("hp-db-0", "id-db"), new Remove("hp-db-0", "id-db"),
                new Create("hp-db-0", changedDb), new Start("hp-db-0"));
    }

    @Test
    void startsAStoppedContainerWithoutRecreatingIt() {
        ContainerSpec web = spec("web", Map.of());
        ActualContainer stopped = new ActualContainer("id-web", "hp-web-0", IMAGE, "exited", null,
                ManagedLabels.of(web));

        assertThat(Reconciler.diff(List.of(web), List.of(stopped), Set.of(IMAGE)))
                .containsExactly(new Start("hp-web-0"));
    }

    @Test
    void removesManagedContainersNoLongerWantedFirstAndNeverTouchesUnmanagedOnes() {
        ContainerSpec old = spec("old", Map.of());
        ContainerSpec web = spec("web", Map.of());
        ActualContainer unmanaged = new ActualContainer("id-x", "my-own-thing", IMAGE, "running", null,
                Map.of("team", "ops"));
        ActualContainer sameNameButNotOurs = new ActualContainer("id-y", "hp-web-0", IMAGE, "running", null, Map.of());

        List<Action> plan = Reconciler.diff(List.of(web), List.of(running(old), unmanaged, sameNameButNotOurs),
                Set.of(IMAGE));

        assertThat(plan).containsExactly(new Stop("hp-old-0", "id-old"), new Remove("hp-old-0", "id-old"),
                new Create("hp-web-0", web), new Start("hp-web-0"));
        assertThat(plan).noneMatch(a -> a.container().equals("my-own-thing"));
    }

    @Test
    void pullsFollowThePullPolicyOncePerImageAndComeFirst() {
        ContainerSpec missing = new ContainerSpec("a", 0, 1, "repo/a:1", null, null, null, null, null,
                PullPolicy.MISSING);
        ContainerSpec missingToo = new ContainerSpec("a", 1, 1, "repo/a:1", null, null, null, null, null,
                PullPolicy.MISSING);
        ContainerSpec always = new ContainerSpec("b", 0, 1, IMAGE, null, null, null, null, null, PullPolicy.ALWAYS);
        ContainerSpec never = new ContainerSpec("c", 0, 1, "repo/c:1", null, null, null, null, null,
                PullPolicy.NEVER);

        List<Action> plan = Reconciler.diff(List.of(missing, missingToo, always, never), List.of(), Set.of(IMAGE));

        assertThat(plan.subList(0, 2)).containsExactly(new Pull("hp-a-0", "repo/a:1"), new Pull("hp-b-0", IMAGE));
        assertThat(plan).filteredOn(Pull.class::isInstance).hasSize(2);
    }

    @Test
    void anEmptyDesiredStateRemovesEveryManagedContainer() {
        ContainerSpec web = spec("web", Map.of());
        ActualContainer stopped = new ActualContainer("id-web", "hp-web-0", IMAGE, "exited", null,
                ManagedLabels.of(web));

        assertThat(Reconciler.diff(List.of(), List.of(stopped), Set.of()))
                .containsExactly(new Remove("hp-web-0", "id-web"));
    }

    private static ContainerSpec startFirst(String image, long revision) {
        return new ContainerSpec("web", 0, revision, image, List.of("sleep", "3600"), null, null, null, null,
                PullPolicy.MISSING, new ContainerOptions(null, null, null, null, null, null, null, true, null, null));
    }

    private static ActualContainer successor(ContainerSpec spec, String state, String health) {
        return new ActualContainer("id-next", spec.successorName(), spec.image(), state, health,
                ManagedLabels.of(spec));
    }

    @Test
    void startFirstStartsTheSuccessorBesideTheOldContainerWhichKeepsRunning() {
        ContainerSpec old = startFirst(IMAGE, 1);
        ContainerSpec next = startFirst("local/busybox:2", 2);

        assertThat(Reconciler.diff(List.of(next), List.of(running(old)), Set.of(IMAGE))).containsExactly(
                new Pull("hp-web-0", "local/busybox:2"), new Create("hp-web-0.next", next),
                new Start("hp-web-0.next"));
    }

    @Test
    void startFirstWaitsWhileTheSuccessorIsStartingOrFailingAndPullsNothingAgain() {
        ContainerSpec old = startFirst(IMAGE, 1);
        ContainerSpec next = startFirst("local/busybox:2", 2);

        for (ActualContainer successor : List.of(successor(next, "running", "starting"),
                successor(next, "running", "unhealthy"), successor(next, "exited", null))) {
            assertThat(Reconciler.diff(List.of(next), List.of(running(old), successor), Set.of(IMAGE))).isEmpty();
        }
    }

    @Test
    void aReadySuccessorReplacesTheOldContainerAndTakesItsName() {
        ContainerSpec old = startFirst(IMAGE, 1);
        ContainerSpec next = startFirst("local/busybox:2", 2);

        assertThat(Reconciler.diff(List.of(next), List.of(running(old), successor(next, "running", "healthy")),
                Set.of(IMAGE))).containsExactly(new Stop("hp-web-0", "id-web"), new Remove("hp-web-0", "id-web"),
                        new Rename("hp-web-0", "hp-web-0.next"));
        assertThat(Reconciler.diff(List.of(next), List.of(successor(next, "running", "healthy")), Set.of(IMAGE)))
                .as("the old container went before the rename could happen").containsExactly(
                        new Rename("hp-web-0", "hp-web-0.next"));
    }

    @Test
    void aSuccessorNoLongerAskedForIsRemovedAndTheOldContainerStays() {
        ContainerSpec old = startFirst(IMAGE, 1);
        ContainerSpec failed = startFirst("local/busybox:2", 2);
        ContainerSpec newer = startFirst("local/busybox:3", 3);
        List<ActualContainer> actual = List.of(running(old), successor(failed, "running", "unhealthy"));

        assertThat(Reconciler.diff(List.of(old), actual, Set.of(IMAGE, "local/busybox:3")))
                .as("rolled back: the old spec is wanted again").containsExactly(
                        new Stop("hp-web-0.next", "id-next"), new Remove("hp-web-0.next", "id-next"));
        assertThat(Reconciler.diff(List.of(newer), actual, Set.of(IMAGE, "local/busybox:3")))
                .as("a newer revision replaces the failed successor").containsExactly(
                        new Stop("hp-web-0.next", "id-next"), new Remove("hp-web-0.next", "id-next"),
                        new Create("hp-web-0.next", newer), new Start("hp-web-0.next"));
    }

    @Test
    void startFirstRecreatesWhenTheOldContainerIsNotRunningAnyway() {
        ContainerSpec old = startFirst(IMAGE, 1);
        ContainerSpec next = startFirst("local/busybox:2", 2);
        ActualContainer stopped = new ActualContainer("id-web", "hp-web-0", IMAGE, "exited", null,
                ManagedLabels.of(old));

        assertThat(Reconciler.diff(List.of(next), List.of(stopped), Set.of(IMAGE, "local/busybox:2")))
                .containsExactly(new Remove("hp-web-0", "id-web"), new Create("hp-web-0", next),
                        new Start("hp-web-0"));
    }
}
