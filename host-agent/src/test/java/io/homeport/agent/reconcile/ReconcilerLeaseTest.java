package io.homeport.agent.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.homeport.agent.protocol.ContainerOptions;
import io.homeport.agent.protocol.ContainerSpec;
import io.homeport.agent.protocol.PullPolicy;
import io.homeport.agent.protocol.VolumeState.Lease;
import io.homeport.agent.reconcile.Action.Create;
import io.homeport.agent.reconcile.Action.Hold;
import io.homeport.agent.reconcile.Action.Remove;
import io.homeport.agent.reconcile.Action.Start;
import io.homeport.agent.reconcile.Action.Stop;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The lease rules of the pure reconcile: a container on a volume runs only with a valid lease. */
class ReconcilerLeaseTest {

    private static final String IMAGE = "local/busybox:1";
    private static final String DATA = "notes/data";

    private static ContainerSpec notes(Map<String, String> env, String... volumes) {
        List<ContainerOptions.Mount> mounts = new java.util.ArrayList<>(
                List.of(new ContainerOptions.Mount("/srv/plain", "/plain", true)));
        for (String volume : volumes) {
            mounts.add(new ContainerOptions.Mount("/var/lib/homeport/volumes/" + volume, "/" + volume, false, volume));
        }
        return new ContainerSpec("notes", 0, 1, IMAGE, List.of("sleep", "3600"), env, Map.of(), List.of(), null,
                PullPolicy.MISSING, new ContainerOptions(null, null, null, null, null, null, mounts, false, null, null));
    }

    private static ActualContainer actual(ContainerSpec spec, String state) {
        return new ActualContainer("id-" + spec.app(), spec.containerName(), spec.image(), state, null,
                ManagedLabels.of(spec));
    }

    private static Map<String, VolumeLease> leases(VolumeLease... leases) {
        return java.util.Arrays.stream(leases).collect(java.util.stream.Collectors.toMap(VolumeLease::volume,
                lease -> lease));
    }

    private static VolumeLease held(String volume) {
        return new VolumeLease(volume, Lease.HELD, 1L, 1);
    }

    private static VolumeLease stale(String volume) {
        return new VolumeLease(volume, Lease.STALE, 2L, 1);
    }

    private static VolumeLease unknown(String volume) {
        return new VolumeLease(volume, Lease.UNKNOWN, null, 1);
    }

    private static VolumeLease cutOff(String volume) {
        return new VolumeLease(volume, Lease.UNKNOWN, null, 1, java.time.Instant.parse("2026-11-26T15:00:00Z"));
    }

    @Test
    void aHeldLeaseLetsTheContainerBeCreatedAndStarted() {
        ContainerSpec notes = notes(Map.of(), DATA);

        assertThat(Reconciler.diff(List.of(notes), List.of(), Set.of(IMAGE), leases(held(DATA))))
                .containsExactly(new Create("hp-notes-0", notes), new Start("hp-notes-0"));
    }

    @Test
    void aMissingLeaseNeitherCreatesNorStartsAndStopsARunningContainerWithoutRemovingIt() {
        ContainerSpec notes = notes(Map.of(), DATA);

        assertThat(Reconciler.diff(List.of(notes), List.of(), Set.of(IMAGE), Map.of())).containsExactly(
                new Hold("hp-notes-0", "no lease on notes/data (not among this host's volumes): not started"));
        assertThat(Reconciler.diff(List.of(notes), List.of(actual(notes, "running")), Set.of(IMAGE), Map.of()))
                .as("stopped gracefully: a planned move syncs the volume after the stop")
                .containsExactly(new Stop("hp-notes-0", "id-notes", false), new Hold("hp-notes-0",
                        "no lease on notes/data (not among this host's volumes): stopped"));
    }

    @Test
    void aStaleLeaseStopsARunningContainerAndKeepsAStoppedOneFromStarting() {
        ContainerSpec notes = notes(Map.of(), DATA);
        String stale = "lease of notes/data is stale (fence holds epoch 2, this host 1)";

        assertThat(Reconciler.diff(List.of(notes), List.of(actual(notes, "running")), Set.of(IMAGE),
                leases(stale(DATA)))).as("killed at once: another host may be writing the volume")
                .containsExactly(new Stop("hp-notes-0", "id-notes", true), new Hold("hp-notes-0", stale + ": stopped"));
        assertThat(Reconciler.diff(List.of(notes), List.of(actual(notes, "exited")), Set.of(IMAGE),
                leases(stale(DATA)))).containsExactly(new Hold("hp-notes-0", stale + ": not started"));
    }

    @Test
    void anUnknownLeaseKeepsARunningContainerRunningButStartsNothing() {
        ContainerSpec notes = notes(Map.of(), DATA);
        String unknown = "lease of notes/data is unknown (its fence cannot be read)";

        assertThat(Reconciler.diff(List.of(notes), List.of(actual(notes, "running")), Set.of(IMAGE),
                leases(unknown(DATA)))).isEmpty();
        assertThat(Reconciler.diff(List.of(notes), List.of(actual(notes, "exited")), Set.of(IMAGE),
                leases(unknown(DATA)))).containsExactly(new Hold("hp-notes-0", unknown + ": not started"));
        assertThat(Reconciler.diff(List.of(notes), List.of(), Set.of(IMAGE), leases(unknown(DATA))))
                .containsExactly(new Hold("hp-notes-0", unknown + ": not started"));
        ContainerSpec changed = notes(Map.of("MODE", "b"), DATA);
        assertThat(Reconciler.diff(List.of(changed), List.of(actual(notes, "running")), Set.of(IMAGE),
                leases(unknown(DATA)))).containsExactly(new Hold("hp-notes-0", unknown
                        + ": left running, not updated"));
    }

    @Test
    void aLeaseCutOffFromItsFenceForTheSelfFenceWindowKillsARunningContainer() {
        ContainerSpec notes = notes(Map.of(), DATA);
        String cutOff = "lease of notes/data is unknown: its fence has not been read since 2026-11-26T15:00:00Z, so "
                + "this host stops using the volume (self-fenced)";

        assertThat(Reconciler.diff(List.of(notes), List.of(actual(notes, "running")), Set.of(IMAGE),
                leases(cutOff(DATA)))).containsExactly(new Stop("hp-notes-0", "id-notes", true),
                        new Hold("hp-notes-0", cutOff + ": stopped"));
        assertThat(Reconciler.diff(List.of(notes), List.of(actual(notes, "exited")), Set.of(IMAGE),
                leases(cutOff(DATA)))).containsExactly(new Hold("hp-notes-0", cutOff + ": not started"));
    }

    @Test
    void aStaleLeaseOnAnyOfItsVolumesOutweighsAnUnknownOne() {
        ContainerSpec notes = notes(Map.of(), "notes/cache", DATA);

        assertThat(Reconciler.diff(List.of(notes), List.of(actual(notes, "running")), Set.of(IMAGE),
                leases(unknown("notes/cache"), stale(DATA)))).first()
                .isEqualTo(new Stop("hp-notes-0", "id-notes", true));
        assertThat(Reconciler.diff(List.of(notes), List.of(), Set.of(IMAGE), leases(held("notes/cache"),
                held(DATA)))).hasSize(2);
    }

    @Test
    void containersWithoutVolumesAndContainersNoLongerDesiredAreNotHeldBack() {
        ContainerSpec plain = new ContainerSpec("web", 0, 1, IMAGE, List.of("sleep", "3600"), Map.of(), Map.of(),
                List.of(), null, PullPolicy.MISSING);
        ContainerSpec notes = notes(Map.of(), DATA);

        assertThat(Reconciler.diff(List.of(plain), List.of(actual(notes, "running")), Set.of(IMAGE), Map.of()))
                .containsExactly(new Stop("hp-notes-0", "id-notes"), new Remove("hp-notes-0", "id-notes"),
                        new Create("hp-web-0", plain), new Start("hp-web-0"));
    }

    @Test
    void aContainerOnVolumesIsLabelledWithThem() {
        assertThat(actual(notes(Map.of(), DATA, "notes/cache"), "running").volumes())
                .containsExactly(DATA, "notes/cache");
        assertThat(ManagedLabels.of(notes(Map.of()))).doesNotContainKey(ManagedLabels.VOLUMES);
    }
}
