package io.homeport.agent.reconcile;

import io.homeport.agent.protocol.ContainerOptions;
import io.homeport.agent.protocol.ContainerSpec;
import io.homeport.agent.protocol.PortMapping;
import io.homeport.agent.protocol.SealedSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecHashTest {

    private static ContainerSpec spec(Map<String, String> env, long revision) {
        return new ContainerSpec("web", 0, revision, "local/busybox:1", List.of("httpd", "-f"), env,
                Map.of("dockflare.enable", "true"), List.of(new PortMapping(8080, 80, null)), null, null);
    }

    @Test
    void isStableAcrossMapOrderAndRevisions() {
        Map<String, String> ab = new LinkedHashMap<>();
        ab.put("A", "1");
        ab.put("B", "2");
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put("B", "2");
        ba.put("A", "1");

        assertThat(SpecHash.of(spec(ab, 1))).isEqualTo(SpecHash.of(spec(ba, 7))).hasSize(32);
    }

    @Test
    void changesWithAnyContentField() {
        String base = SpecHash.of(spec(Map.of("A", "1"), 1));

        assertThat(SpecHash.of(spec(Map.of("A", "2"), 1))).isNotEqualTo(base);
        assertThat(SpecHash.of(new ContainerSpec("web", 0, 1, "local/busybox:2", List.of("httpd", "-f"),
                Map.of("A", "1"), Map.of("dockflare.enable", "true"), List.of(new PortMapping(8080, 80, null)), null,
                null))).isNotEqualTo(base);
        assertThat(SpecHash.of(new ContainerSpec("web", 0, 1, "local/busybox:1", List.of("httpd", "-f"),
                Map.of("A", "1"), Map.of("dockflare.enable", "true"), List.of(new PortMapping(8081, 80, null)), null,
                null))).isNotEqualTo(base);
    }

    @Test
    void optionsCountOnlyWhenUsedSoContainersFromBeforeOptionsKeepTheirHash() {
        ContainerSpec plain = spec(Map.of("A", "1"), 1);
        ContainerSpec explicit = new ContainerSpec("web", 0, 1, "local/busybox:1", List.of("httpd", "-f"),
                Map.of("A", "1"), Map.of("dockflare.enable", "true"), List.of(new PortMapping(8080, 80, null)), null,
                null, ContainerOptions.NONE);
        ContainerSpec limited = new ContainerSpec("web", 0, 1, "local/busybox:1", List.of("httpd", "-f"),
                Map.of("A", "1"), Map.of("dockflare.enable", "true"), List.of(new PortMapping(8080, 80, null)), null,
                null, new ContainerOptions(null, null, null, 64L, null, null, null, false, null, null));

        assertThat(SpecHash.of(plain)).isEqualTo(SpecHash.of(explicit))
                .isEqualTo("8b69322c4430bf59501e545b9b2f3fc5"); // the hash this spec had before options existed
        assertThat(SpecHash.of(limited)).isNotEqualTo(SpecHash.of(plain));
        assertThat(SpecHash.of(limited)).as("memory limit only, hashed as before start-first existed")
                .isEqualTo("07b3109ff078a775e04fb9de33a07434");
    }

    @Test
    void howAContainerIsReplacedIsNotPartOfWhatItIs() {
        ContainerSpec recreate = spec(Map.of("A", "1"), 1);
        ContainerSpec startFirst = new ContainerSpec("web", 0, 1, "local/busybox:1", List.of("httpd", "-f"),
                Map.of("A", "1"), Map.of("dockflare.enable", "true"), List.of(new PortMapping(8080, 80, null)), null,
                null, new ContainerOptions(null, null, null, null, null, null, null, true, null, null));

        assertThat(SpecHash.of(startFirst)).isEqualTo(SpecHash.of(recreate));
    }

    @Test
    void managedLabelsCarryTheHashAndKeepUserLabels() {
        ContainerSpec spec = spec(Map.of(), 3);
        Map<String, String> labels = ManagedLabels.of(spec);

        assertThat(labels).containsEntry("io.homeport.managed", "true")
                .containsEntry("io.homeport.app", "web")
                .containsEntry("io.homeport.revision", "3")
                .containsEntry("io.homeport.spec-hash", SpecHash.of(spec))
                .containsEntry("dockflare.enable", "true");
        assertThat(ManagedLabels.isManaged(labels)).isTrue();
        assertThat(ManagedLabels.isManaged(Map.of("dockflare.enable", "true"))).isFalse();
    }

    @Test
    void userLabelsMayNotImpersonateHomeport() {
        assertThatThrownBy(() -> new ContainerSpec("web", 0, 1, "img", null, null,
                Map.of("io.homeport.managed", "true"), null, null, null))
                .hasMessageContaining("io.homeport.managed is reserved");
    }

    @Test
    void aSecretCountsByItsVersionNotByItsSealingAndThePullLoginNotAtAll() {
        assertThat(SpecHash.of(withSecret(1, "sealed-once", null)))
                .isEqualTo(SpecHash.of(withSecret(1, "sealed-again", new SealedSecret(null, "ghcr", 1, "login"))))
                .isNotEqualTo(SpecHash.of(withSecret(2, "sealed-once", null)));
    }

    private static ContainerSpec withSecret(long version, String sealed, SealedSecret registryAuth) {
        return new ContainerSpec("web", 0, 1, "local/busybox:1", null, null, null, null, null, null,
                new ContainerOptions(null, null, null, null, null, null, null, false,
                        List.of(new SealedSecret("TOKEN", "token", version, sealed)), registryAuth));
    }
}
