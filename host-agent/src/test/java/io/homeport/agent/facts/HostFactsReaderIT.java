package io.homeport.agent.facts;

import io.homeport.agent.protocol.HostFacts;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import io.homeport.agent.docker.DockerClients;
import io.homeport.testkit.DockerEngine;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The facts of this very machine, with its real Docker engine. */
class HostFactsReaderIT {

    @Test
    void readsTheFactsOfThisHost() {
        DockerClient docker = DockerEngine.require(DockerClients.connect(DockerClients.DEFAULT_HOST));

        HostFacts facts = new HostFactsReader(Path.of("/"), docker).read();

        assertThat(facts.hostname()).isNotBlank().isNotEqualTo("unknown");
        assertThat(facts.osId()).isIn("debian", "ubuntu");
        assertThat(facts.kernel()).matches("\\d+\\.\\d+.*");
        assertThat(facts.cpus()).isPositive();
        assertThat(facts.memoryBytes()).isGreaterThan(256L * 1024 * 1024);
        assertThat(facts.dockerVersion()).isEqualTo(docker.versionCmd().exec().getVersion()).isNotBlank();
        assertThat(facts.disks()).allSatisfy(disk -> assertThat(disk.totalBytes()).isPositive());
    }
}
