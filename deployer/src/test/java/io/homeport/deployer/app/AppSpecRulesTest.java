package io.homeport.deployer.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.homeport.api.apps.AppSpec;
import io.homeport.api.apps.RolloutStrategy;
import io.homeport.api.apps.VolumeMode;
import io.homeport.platform.problem.Problem.FieldError;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AppSpecRulesTest {

    private static AppSpec spec(String image, List<AppSpec.Port> ports, List<AppSpec.Volume> volumes) {
        return new AppSpec("web", image, null, null, null, null, ports, volumes, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    @Test
    void imageReferencesFollowDockersGrammar() {
        for (String good : List.of("nginx", "nginx:1.27", "local/busybox:1", "registry.example.org:5000/team/app:v2",
                "ghcr.io/a/b-c_d.e@sha256:" + "a".repeat(64), "library/redis:7.2-alpine")) {
            assertThat(AppSpecRules.check(spec(good, null, null))).as(good).isEmpty();
        }
        for (String bad : List.of("Nginx", "nginx:", "nginx:1.27:2", "-nginx", "nginx@sha256:short", "a b",
                "nginx/:1")) {
            assertThat(AppSpecRules.check(spec(bad, null, null))).as(bad).extracting(FieldError::field)
                    .containsExactly("image");
        }
    }

    @Test
    void clashesAndRepeatsNameTheField() {
        AppSpec clashing = new AppSpec("web", "nginx", null, null, null, null,
                List.of(new AppSpec.Port(80, 8080, null), new AppSpec.Port(81, 8080, "tcp"),
                        new AppSpec.Port(53, 8080, "udp")),
                List.of(new AppSpec.Volume("data", VolumeMode.SHARED, "/data", false),
                        new AppSpec.Volume("data", VolumeMode.LOCAL_SYNCED, "/data", false)),
                Map.of("io.homeport.app", "x"), new AppSpec.HealthCheck(List.of("wget", "-q"), null, null, null, null),
                null, null, 2, new AppSpec.Placement(UUID.randomUUID(), null), null, null, null, List.of("web"), null);

        assertThat(AppSpecRules.check(clashing)).extracting(FieldError::field).containsExactly(
                "ports[1].hostPort", "volumes[1].name", "volumes[1].mountPath", "healthCheck.test", "labels",
                "dependsOn", "replicas");
        assertThat(AppSpecRules.check(clashing).get(0).message())
                .isEqualTo("clashes with ports[0]: 8080/tcp is published twice");
    }

    @Test
    void startFirstCannotPublishHostPortsTheOldContainerHolds() {
        AppSpec published = new AppSpec("web", "nginx", null, null, null, null,
                List.of(new AppSpec.Port(80, 8080, null)), null, null, null, null, null, null, null, null,
                RolloutStrategy.START_FIRST, null, null, null);
        AppSpec unpublished = new AppSpec("web", "nginx", null, null, null, null,
                List.of(new AppSpec.Port(80, null, null)), null, null, null, null, null, null, null, null,
                RolloutStrategy.START_FIRST, null, null, null);

        assertThat(AppSpecRules.check(published)).extracting(FieldError::field).containsExactly("rollout");
        assertThat(AppSpecRules.check(unpublished)).isEmpty();
    }
}
