package io.homeport.tunnel.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.homeport.tunnel.dns.DnsAction.Conflict;
import io.homeport.tunnel.dns.DnsAction.Create;
import io.homeport.tunnel.dns.DnsAction.Delete;
import io.homeport.tunnel.dns.DnsAction.Update;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DnsPlanTest {

    private static final OwnerMarker US = new OwnerMarker("hp-prod");
    private static final String HOST_A = "aaaaaaaa-0000-0000-0000-000000000001";
    private static final String HOST_B = "bbbbbbbb-0000-0000-0000-000000000002";

    private static ExistingRecord ours(String id, String name, String tunnelId) {
        return new ExistingRecord(id, "CNAME", name, DnsPlan.target(tunnelId), true, US.comment());
    }

    private static List<DnsAction> plan(List<ExistingRecord> existing, Map<String, String> desired) {
        return DnsPlan.plan("example.com", existing, desired, US);
    }

    @Test
    void aNewHostnameGetsAProxiedCnameToItsTunnel() {
        assertThat(plan(List.of(), Map.of("app.example.com", HOST_A)))
                .containsExactly(new Create("app.example.com", HOST_A + ".cfargotunnel.com"));
    }

    @Test
    void aCorrectRecordNeedsNoWrite() {
        assertThat(plan(List.of(ours("r1", "app.example.com", HOST_A)), Map.of("app.example.com", HOST_A))).isEmpty();
    }

    @Test
    void namesAndTargetsCompareWithoutCase() {
        ExistingRecord record = new ExistingRecord("r1", "cname", "App.Example.com",
                HOST_A.toUpperCase() + ".CFARGOTUNNEL.COM.", true, US.comment());

        assertThat(plan(List.of(record), Map.of("app.EXAMPLE.com", HOST_A))).isEmpty();
    }

    @Test
    void aMovedAppIsRepointedNotRecreated() {
        assertThat(plan(List.of(ours("r1", "app.example.com", HOST_A)), Map.of("app.example.com", HOST_B)))
                .containsExactly(new Update("r1", "app.example.com", HOST_B + ".cfargotunnel.com"));
    }

    @Test
    void anOwnRecordThatIsNotProxiedIsFixed() {
        ExistingRecord unproxied = new ExistingRecord("r1", "CNAME", "app.example.com", DnsPlan.target(HOST_A), false,
                US.comment());

        assertThat(plan(List.of(unproxied), Map.of("app.example.com", HOST_A)))
                .containsExactly(new Update("r1", "app.example.com", DnsPlan.target(HOST_A)));
    }

    @Test
    void aRecordSomeoneElseMadeIsAConflictAndLeftAlone() {
        ExistingRecord theirs = new ExistingRecord("r9", "A", "app.example.com", "203.0.113.7", true, "web server");

        assertThat(plan(List.of(theirs), Map.of("app.example.com", HOST_A))).singleElement()
                .isInstanceOfSatisfying(Conflict.class, conflict -> {
                    assertThat(conflict.name()).isEqualTo("app.example.com");
                    assertThat(conflict.reason()).contains("A record").contains("not created by Homeport");
                });
    }

    @Test
    void anotherHomeportInstallationsRecordIsNotStolen() {
        OwnerMarker staging = new OwnerMarker("hp-staging");
        ExistingRecord theirs = new ExistingRecord("r9", "CNAME", "app.example.com", DnsPlan.target(HOST_B), true,
                staging.comment());

        assertThat(plan(List.of(theirs), Map.of("app.example.com", HOST_A))).singleElement()
                .isInstanceOfSatisfying(Conflict.class, conflict ->
                        assertThat(conflict.reason()).contains("another Homeport installation"));
        assertThat(plan(List.of(theirs), Map.of())).as("nor deleted").isEmpty();
    }

    @Test
    void anOwnRecordNoTunnelWantsIsDeletedButOthersAreNot() {
        List<ExistingRecord> existing = List.of(ours("r1", "gone.example.com", HOST_A),
                new ExistingRecord("r2", "CNAME", "manual.example.com", DnsPlan.target(HOST_A), true, null),
                new ExistingRecord("r3", "TXT", "example.com", "v=spf1 -all", false, "homeport:managed"));

        assertThat(plan(existing, Map.of())).containsExactly(new Delete("r1", "gone.example.com"));
    }

    @Test
    void aNameWantedByAnotherTunnelIsNotDeleted() {
        // the plan sees every tunnel's hostnames: app moved from host A to host B
        assertThat(plan(List.of(ours("r1", "app.example.com", HOST_A)),
                Map.of("app.example.com", HOST_B, "other.example.com", HOST_A)))
                .containsExactly(new Update("r1", "app.example.com", DnsPlan.target(HOST_B)),
                        new Create("other.example.com", DnsPlan.target(HOST_A)));
    }

    @Test
    void aDuplicateOwnRecordIsDeletedAndTheCorrectOneKept() {
        List<ExistingRecord> existing = List.of(ours("r1", "app.example.com", HOST_B),
                ours("r2", "app.example.com", HOST_A));

        assertThat(plan(existing, Map.of("app.example.com", HOST_A)))
                .containsExactly(new Delete("r1", "app.example.com"));
    }

    @Test
    void hostnamesOfOtherZonesAndWildcardsAreLeftOut() {
        assertThat(plan(List.of(), Map.of("app.example.org", HOST_A, "notexample.com", HOST_A,
                "*.apps.example.com", HOST_A, "example.com", HOST_A)))
                .containsExactly(new Create("example.com", DnsPlan.target(HOST_A)));
    }

    @Test
    void actionsComeInAStableOrder() {
        List<ExistingRecord> existing = List.of(ours("r1", "c.example.com", HOST_A), ours("r2", "b.example.com", HOST_A),
                new ExistingRecord("r3", "CNAME", "a.example.com", "elsewhere.example.net", false, null));

        assertThat(plan(existing, Map.of("d.example.com", HOST_A, "b.example.com", HOST_B, "a.example.com", HOST_A)))
                .extracting(DnsAction::name, action -> action.getClass().getSimpleName())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a.example.com", "Conflict"),
                        org.assertj.core.groups.Tuple.tuple("b.example.com", "Update"),
                        org.assertj.core.groups.Tuple.tuple("c.example.com", "Delete"),
                        org.assertj.core.groups.Tuple.tuple("d.example.com", "Create"));
    }
}
