package io.homeport.agent.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostContainersTest {

    @Test
    void healthIsReadFromDockersStatusLine() {
        assertThat(HostContainers.health("Up 5 minutes (healthy)")).isEqualTo("healthy");
        assertThat(HostContainers.health("Up 2 minutes (unhealthy)")).isEqualTo("unhealthy");
        assertThat(HostContainers.health("Up 1 second (health: starting)")).isEqualTo("starting");
        assertThat(HostContainers.health("Up 3 hours")).isNull();
        assertThat(HostContainers.health("Restarting (1) 2 seconds ago")).isNull();
        assertThat(HostContainers.health("Exited (137) 4 seconds ago")).isNull();
        assertThat(HostContainers.health(null)).isNull();
    }
}
