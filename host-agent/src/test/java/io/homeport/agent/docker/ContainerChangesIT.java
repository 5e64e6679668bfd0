package io.homeport.agent.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import io.homeport.agent.protocol.ContainerSpec;
import io.homeport.agent.protocol.SecretSealing;
import io.homeport.agent.protocol.PullPolicy;
import io.homeport.testkit.DockerEngine;
import io.homeport.testkit.LocalImages;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Deltas from the real engine's event stream. */
class ContainerChangesIT {

    @Test
    void startAndDieOfAManagedContainerArriveWithinASecond() throws Exception {
        DockerClient docker = DockerEngine.require(DockerClients.connect(DockerClients.DEFAULT_HOST));
        String image = LocalImages.busybox(docker);
        ContainerSpec spec = new ContainerSpec("ev" + UUID.randomUUID().toString().substring(0, 8), 0, 1, image,
                List.of("sleep", "3600"), Map.of(), Map.of(), List.of(), "no", PullPolicy.NEVER);
        BlockingQueue<ContainerChange> changes = new LinkedBlockingQueue<>();
        ReconcilePass pass = new ReconcilePass(new HostContainers(docker, spec.containerName()),
                new DockerActions(docker, SecretSealing.newKey()));

        try (ContainerChanges ignored = ContainerChanges.follow(docker,
                change -> {
                    if (change.name().equals(spec.containerName())) {
                        changes.add(change);
                    }
                })) {
            Thread.sleep(300); // the subscription is established asynchronously
            long started = System.nanoTime();
            pass.run(List.of(spec));
            ContainerChange start = changes.poll(5, TimeUnit.SECONDS);
            Duration startLatency = Duration.ofNanos(System.nanoTime() - started);

            docker.killContainerCmd(spec.containerName()).exec();
            long killed = System.nanoTime();
            ContainerChange die = changes.poll(5, TimeUnit.SECONDS);
            Duration dieLatency = Duration.ofNanos(System.nanoTime() - killed);

            assertThat(start).isNotNull();
            assertThat(start.action()).isEqualTo("start");
            assertThat(start.managed()).isTrue();
            assertThat(startLatency).isLessThan(Duration.ofSeconds(5)); // includes creating the container
            assertThat(die).isNotNull();
            assertThat(die.action()).isEqualTo("die");
            assertThat(dieLatency).as("die delta latency").isLessThan(Duration.ofSeconds(1));
        } finally {
            docker.removeContainerCmd(spec.containerName()).withForce(true).exec();
        }
    }
}
