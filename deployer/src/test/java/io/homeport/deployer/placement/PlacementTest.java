package io.homeport.deployer.placement;

import static org.assertj.core.api.Assertions.assertThat;

import io.homeport.api.apps.AppSpec;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PlacementTest {

    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID C = UUID.fromString("00000000-0000-0000-0000-00000000000c");

    private static Candidate host(UUID id, String name, Map<String, String> labels, double cpus, long memoryMb) {
        return new Candidate(id, name, labels, true, cpus, memoryMb, 0, 0, Set.of(), true, 0);
    }

    private static AppSpec app(int replicas, Double cpus, Long memoryMb, Map<String, String> constraints,
            UUID hostId, List<AppSpec.Port> ports) {
        return new AppSpec("web", "nginx:1.27", null, null, null, null, ports, null, null, null, null,
                new AppSpec.Resources(cpus, memoryMb), replicas, new AppSpec.Placement(hostId, constraints), null,
                null, null, null, null);
    }

    @Test
    void aDrainedOrLostHostTakesNothingWhateverItsAgentSaysAndSaysWhy() {
        Candidate drained = new Candidate(A, "alpha", Map.of(), true, 8, 16384, 0, 0, Set.of(), true, 1,
                "drained since 2026-11-26T12:00:00Z");
        Candidate lost = new Candidate(B, "beta", Map.of(), true, 8, 16384, 0, 0, Set.of(), true, 0,
                "lost since 2026-11-26T12:00:00Z (no heartbeats)");
        AppSpec spec = app(1, null, 256L, Map.of(), null, List.of());

        PlacementDecision nowhere = Placement.place(spec, List.of(drained, lost));
        assertThat(nowhere.placed()).isFalse();
        assertThat(nowhere.refusals()).containsEntry("alpha", "replica 1 of 1: drained since 2026-11-26T12:00:00Z")
                .containsEntry("beta", "replica 1 of 1: lost since 2026-11-26T12:00:00Z (no heartbeats)");

        // the host with more room and the app's lease loses to a small one that may take apps
        assertThat(Placement.place(spec, List.of(drained, lost, host(C, "gamma", Map.of(), 1, 512))).hosts())
                .containsExactly(C);
    }

    @Test
    void noHostAtAllIsARefusalNotAPlacementOnNothing() {
        PlacementDecision nowhere = Placement.place(app(1, null, 256L, Map.of(), null, List.of()), List.of());
        assertThat(nowhere.placed()).isFalse();
        assertThat(nowhere.refusals()).containsExactly(Map.entry(Placement.NO_HOST, "there is no host to place it on"));
    }

    @Test
    void replicasSpreadOverQualifyingHostsDeterministically() {
        List<Candidate> hosts = List.of(host(C, "gamma", Map.of("tier", "edge"), 4, 4096),
                host(A, "alpha", Map.of("tier", "edge"), 4, 8192), host(B, "beta", Map.of("tier", "core"), 8, 16384));
        AppSpec spec = app(3, 1.0, 1024L, Map.of("tier", "edge"), null, List.of());

        PlacementDecision decision = Placement.place(spec, hosts);

        assertThat(decision.placed()).isTrue();
        assertThat(decision.hosts()).containsExactly(A, C, A); // most free memory first, then spread
        List<Candidate> shuffled = new java.util.ArrayList<>(hosts);
        Collections.reverse(shuffled);
        assertThat(Placement.place(spec, shuffled)).isEqualTo(decision);
    }

    @Test
    void capacityCountsWhatIsAlreadyPlaced() {
        Candidate busy = new Candidate(A, "alpha", Map.of(), true, 2, 2048, 1.5, 1536, Set.of(), true, 0);
        Candidate idle = host(B, "beta", Map.of(), 1, 1024);

        assertThat(Placement.place(app(1, 1.0, 512L, null, null, null), List.of(busy, idle)).hosts())
                .containsExactly(B);
        PlacementDecision none = Placement.place(app(2, 1.0, 512L, null, null, null), List.of(busy, idle));
        assertThat(none.placed()).isFalse();
        assertThat(none.refusals()).containsExactly(
                Map.entry("alpha", "replica 2 of 2: needs 1.00 CPUs, 0.50 of 2.00 free"),
                Map.entry("beta", "replica 2 of 2: needs 1.00 CPUs, 0.00 of 1.00 free"));
    }

    @Test
    void everyHostSaysWhyWhenNothingFits() {
        List<Candidate> hosts = List.of(
                new Candidate(A, "alpha", Map.of("tier", "edge"), false, 4, 4096, 0, 0, Set.of(), true, 0),
                host(B, "beta", Map.of("tier", "core"), 4, 4096),
                new Candidate(C, "gamma", Map.of("tier", "edge"), true, 4, 4096, 0, 0, Set.of("8080/tcp"), true, 0));
        AppSpec spec = app(1, null, 8192L, Map.of("tier", "edge"), null,
                List.of(new AppSpec.Port(80, 8080, "tcp")));

        PlacementDecision decision = Placement.place(spec, hosts);

        assertThat(decision.refusals()).containsExactly(
                Map.entry("alpha", "replica 1 of 1: its agent is not connected"),
                Map.entry("beta", "replica 1 of 1: labels do not match {tier=edge}"),
                Map.entry("gamma", "replica 1 of 1: needs 8192 MiB memory, 4096 of 4096 MiB free"));
    }

    @Test
    void aPublishedHostPortKeepsReplicasApartAndANamedHostIsHonoured() {
        List<Candidate> hosts = List.of(host(A, "alpha", null, 4, 4096), host(B, "beta", null, 4, 4096));
        List<AppSpec.Port> port = List.of(new AppSpec.Port(80, 8080, "tcp"));

        assertThat(Placement.place(app(2, null, null, null, null, port), hosts).hosts()).containsExactly(A, B);
        assertThat(Placement.place(app(3, null, null, null, null, port), hosts).refusals())
                .containsEntry("alpha", "replica 3 of 3: host port 8080/tcp is taken");
        assertThat(Placement.place(app(2, null, null, null, B, null), hosts).hosts()).containsExactly(B, B);
        assertThat(Placement.place(app(1, null, null, null, C, null), hosts).refusals())
                .containsExactly(Map.entry(C.toString(), "no such host"));
    }

    @Test
    void anAppWithSecretsGoesOnlyWhereTheAgentCanUnsealThem() {
        Candidate old = new Candidate(A, "alpha", Map.of(), true, 4, 4096, 0, 0, Set.of(), false, 0);
        Candidate current = host(B, "beta", Map.of(), 1, 1024);
        AppSpec plain = app(1, null, null, null, null, null);
        AppSpec withSecret = new AppSpec("web", "nginx", null, null, null, Map.of("TOKEN", "token"), null, null,
                null, null, null, null, 1, null, null, null, null, null, null);

        assertThat(Placement.place(plain, List.of(old)).hosts()).containsExactly(A);
        assertThat(Placement.place(withSecret, List.of(old, current)).hosts()).containsExactly(B);
        assertThat(Placement.place(withSecret, List.of(old)).refusals()).containsExactly(Map.entry("alpha",
                "replica 1 of 1: its agent offers no key to seal secrets to (an agent from before secrets: "
                        + "upgrade it)"));
    }

    @Test
    void anAppWithVolumesRunsAllItsReplicasOnTheOneHostThatFitsThemAll() {
        List<Candidate> hosts = List.of(host(A, "alpha", Map.of(), 4, 12288), host(B, "beta", Map.of(), 4, 8192));

        assertThat(Placement.place(withVolume(app(2, null, 4096L, null, null, null)), hosts).hosts())
                .as("together, not spread").containsExactly(A, A);
        assertThat(Placement.place(withVolume(app(3, null, 4096L, null, null, null)), hosts).hosts())
                .as("only alpha takes all three").containsExactly(A, A, A);
        assertThat(Placement.place(withVolume(app(2, null, 8192L, null, null, null)), hosts).refusals())
                .containsExactly(
                        Map.entry("alpha", "replica 2 of 2: needs 8192 MiB memory, 4096 of 12288 MiB free (an app "
                                + "with volumes runs all its replicas on one host)"),
                        Map.entry("beta", "replica 2 of 2: needs 8192 MiB memory, 0 of 8192 MiB free (an app with "
                                + "volumes runs all its replicas on one host)"));
        assertThat(Placement.place(withVolume(app(2, null, null, null, null, List.of(new AppSpec.Port(80, 8080,
                "tcp")))), hosts).refusals()).as("two replicas publishing one host port never fit one host")
                .containsEntry("alpha", "replica 2 of 2: host port 8080/tcp is taken (an app with volumes runs all "
                        + "its replicas on one host)");
    }

    @Test
    void theHostHoldingTheAppsLeasesIsPreferredWhenItQualifies() {
        Candidate holder = new Candidate(B, "beta", Map.of("tier", "edge"), true, 4, 2048, 0, 0, Set.of(), true, 1);
        Candidate roomy = host(A, "alpha", Map.of("tier", "edge"), 4, 16384);
        AppSpec spec = withVolume(app(2, null, 512L, Map.of("tier", "edge"), null, null));

        assertThat(Placement.place(spec, List.of(roomy, holder)).hosts()).containsExactly(B, B);
        assertThat(Placement.place(withVolume(app(2, null, 2048L, null, null, null)), List.of(roomy, holder))
                .hosts()).as("the holder cannot take both replicas").containsExactly(A, A);
        Candidate offline = new Candidate(B, "beta", Map.of("tier", "edge"), false, 4, 2048, 0, 0, Set.of(), true,
                1);
        assertThat(Placement.place(spec, List.of(roomy, offline)).hosts()).containsExactly(A, A);
        assertThat(Placement.place(withVolume(app(1, null, null, null, A, null)), List.of(roomy, holder)).hosts())
                .as("a named host wins over the holder").containsExactly(A);
        assertThat(Placement.place(app(2, null, null, null, null, null), List.of(roomy, holder)).hosts())
                .as("an app without volumes still spreads").containsExactly(A, B);
    }

    private static AppSpec withVolume(AppSpec spec) {
        return new AppSpec(spec.name(), spec.image(), null, null, null, null, spec.ports(),
                List.of(new AppSpec.Volume("data", null, "/data", false)), null, null, null, spec.resources(),
                spec.replicas(), spec.placement(), null, null, null, null, null);
    }
}
