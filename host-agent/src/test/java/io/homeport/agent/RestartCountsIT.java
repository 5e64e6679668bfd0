package io.homeport.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import io.homeport.agent.docker.ContainerChanges;
import io.homeport.agent.docker.DockerActions;
import io.homeport.agent.docker.DockerClients;
import io.homeport.agent.docker.HostContainers;
import io.homeport.agent.docker.ReconcilePass;
import io.homeport.agent.docker.RestartCounts;
import io.homeport.agent.protocol.ContainerSpec;
import io.homeport.agent.protocol.ContainerState;
import io.homeport.agent.protocol.PullPolicy;
import io.homeport.agent.protocol.SecretSealing;
import io.homeport.testkit.DockerEngine;
import io.homeport.testkit.LocalImages;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The restart count full reports carry, against the real engine: restarts by Docker's restart policy and by the
 * agent's reconciler count, restarts and stops someone asked for do not.
 */
class RestartCountsIT {

    private final DockerClient docker = DockerEngine.require(DockerClients.connect(DockerClients.DEFAULT_HOST));
    private final String image = LocalImages.busybox(docker);

    private ContainerSpec spec(String restartPolicy, String... command) {
        return new ContainerSpec("rc" + UUID.randomUUID().toString().substring(0, 8), 0, 1, image, List.of(command),
                Map.of(), Map.of(), List.of(), restartPolicy, PullPolicy.NEVER);
    }

    /** The container's state as a full report carries it. */
    private static ContainerState reported(HostContainers host, RestartCounts restarts) {
        return Agent.toState(host.all().get(0), List.of(), restarts);
    }

    private Integer dockerRestartCount(ContainerSpec spec) {
        return docker.inspectContainerCmd(spec.containerName()).exec().getRestartCount();
    }

    @Test
    void restartsOfDockersRestartPolicyCountAsDockerCountsThem() throws Exception {
        // Docker restarts it three times (after 100, 200, 400 ms), then leaves it exited
        ContainerSpec crashing = spec("on-failure:3", "sh", "-c", "sleep 0.2; exit 3");
        HostContainers host = new HostContainers(docker, crashing.containerName());
        RestartCounts restarts = RestartCounts.of(docker);
        try (ContainerChanges ignored = ContainerChanges.follow(docker, restarts, change -> { })) {
            Thread.sleep(300); // the subscription is established asynchronously
            new ReconcilePass(host, new DockerActions(docker, SecretSealing.newKey())).run(List.of(crashing));

            await().atMost(Duration.ofSeconds(30)).until(() -> "exited".equals(host.all().get(0).state())
                    && dockerRestartCount(crashing) == 3);
            Thread.sleep(500); // the last events have arrived
            assertThat(reported(host, restarts).restartCount()).isEqualTo(3);
        } finally {
            docker.removeContainerCmd(crashing.containerName()).withForce(true).exec();
        }
    }

    @Test
    void theReconcilerStartingACrashedContainerCountsAndRequestedRestartsDoNot() throws Exception {
        // crashes (exit 1) whenever /crash appears, which the test creates with docker exec
        ContainerSpec crashing = spec("no", "sh", "-c",
                "while [ ! -e /crash ]; do sleep 0.1; done; rm /crash; exit 1");
        HostContainers host = new HostContainers(docker, crashing.containerName());
        ReconcilePass pass = new ReconcilePass(host, new DockerActions(docker, SecretSealing.newKey()));
        RestartCounts restarts = RestartCounts.of(docker);
        try (ContainerChanges ignored = ContainerChanges.follow(docker, restarts, change -> { })) {
            Thread.sleep(300); // the subscription is established asynchronously
            pass.run(List.of(crashing));
            assertThat(reported(host, restarts).restartCount()).isZero();

            docker.restartContainerCmd(crashing.containerName()).withTimeout(1).exec();
            docker.stopContainerCmd(crashing.containerName()).withTimeout(1).exec();
            pass.run(List.of(crashing)); // the periodic pass starts the stopped container again
            await().atMost(Duration.ofSeconds(5)).until(() -> host.all().get(0).running());
            Thread.sleep(500); // the events of all that have arrived
            assertThat(reported(host, restarts).restartCount()).as("restarts and stops someone asked for").isZero();

            for (int crash = 1; crash <= 3; crash++) {
                exec(crashing.containerName(), "sh", "-c", "echo > /crash");
                await().atMost(Duration.ofSeconds(10)).until(() -> !host.all().get(0).running());
                pass.run(List.of(crashing));
                int expected = crash;
                await().atMost(Duration.ofSeconds(5)).until(() -> reported(host, restarts).restartCount() == expected);
            }
            assertThat(dockerRestartCount(crashing)).as("Docker's own count is reset by every start").isZero();
        } finally {
            docker.removeContainerCmd(crashing.containerName()).withForce(true).exec();
        }
    }

    private void exec(String container, String... command) throws InterruptedException {
        String id = docker.execCreateCmd(container).withCmd(command).exec().getId();
        docker.execStartCmd(id).exec(new ResultCallback.Adapter<Frame>()).awaitCompletion();
    }
}
