package io.homeport.agent.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerStateTest {

    @Test
    void reportsCarryOnlyTheLabelsThatAskForExposure() {
        Map<String, String> labels = Map.of("dockflare.enable", "true", "dockflare.0.hostname", "a.example.com",
                "cloudflare.tunnel.service", "http://web:80", "homeport.expose.path", "/api",
                "io.homeport.app", "web", "com.docker.compose.project", "shop", "traefik.enable", "true",
                "acme.expose.hostname", "b.example.com");

        assertThat(ContainerState.exposureLabels(labels, ContainerState.EXPOSURE_PREFIXES)).containsOnlyKeys(
                "dockflare.enable", "dockflare.0.hostname", "cloudflare.tunnel.service", "homeport.expose.path");
        assertThat(ContainerState.exposureLabels(labels, List.of("acme.expose."))).containsOnlyKeys(
                "acme.expose.hostname");
    }
}
