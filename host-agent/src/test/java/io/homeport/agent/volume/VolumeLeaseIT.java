package io.homeport.agent.volume;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import io.homeport.agent.command.RcloneCommand;
import io.homeport.agent.docker.DockerActions;
import io.homeport.agent.docker.DockerClients;
import io.homeport.agent.docker.HostContainers;
import io.homeport.agent.docker.Outcome;
import io.homeport.agent.docker.ReconcilePass;
import io.homeport.agent.protocol.ContainerOptions;
import io.homeport.agent.protocol.ContainerSpec;
import io.homeport.agent.protocol.HostVolume;
import io.homeport.agent.protocol.PullPolicy;
import io.homeport.agent.protocol.SecretSealing;
import io.homeport.agent.protocol.VolumeState;
import io.homeport.agent.reconcile.ActualContainer;
import io.homeport.testkit.DockerEngine;
import io.homeport.testkit.LocalImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reconcile passes that consult the volumes' leases, against the real dockerd, the real rclone and the stand-in
 * cloud holding the fences: a container runs only with a valid lease, and stops (without being removed) when its
 * lease moves to another host or leaves the desired state.
 */
class VolumeLeaseIT {

    private static DockerClient docker;
    private static String image;

    @TempDir
    Path dir;

    private TestCloud cloud;
    private RcloneCommand rclone;
    private Volumes volumes;
    private ReconcilePass pass;
    private String app;

    @BeforeAll
    static void engine() {
        docker = DockerEngine.require(DockerClients.connect(DockerClients.DEFAULT_HOST));
        image = LocalImages.busybox(docker);
    }

    @BeforeEach
    void host() throws Exception {
        app = "vl" + UUID.randomUUID().toString().substring(0, 8);
        cloud = TestCloud.serve(dir);
        rclone = cloud.rclone();
        volumes = new Volumes(UUID.randomUUID(), rclone, dir.resolve("state"), () -> { }, () -> { });
        // this test's containers only: the engine is shared
        pass = new ReconcilePass(new HostContainers(docker, "hp-" + app), new DockerActions(docker,
                SecretSealing.newKey()), volumes.leases());
    }

    @AfterEach
    void removeWhatTheTestMade() {
        volumes.close();
        for (ActualContainer container : new HostContainers(docker, "hp-" + app).all()) {
            docker.removeContainerCmd(container.id()).withForce(true).exec();
        }
        rclone.close();
        cloud.close();
    }

    private HostVolume volume(String mode, long epoch) {
        return cloud.volume(app, "data", mode, dir.resolve("volumes/data"), epoch, 0);
    }

    private ContainerSpec notes(HostVolume volume) {
        // no network: the app needs none, and the shared engine's default bridge is not this test's to rely on
        ContainerOptions options = new ContainerOptions(null, null, null, null, "none", null,
                List.of(new ContainerOptions.Mount(volume.path(), "/data", false, volume.key())), false, null, null);
        return new ContainerSpec(app, 0, 1, image,
                List.of("sh", "-c", "echo written by the app > /data/hello.txt; exec sleep 3600"), null, null, null,
                "unless-stopped", PullPolicy.NEVER, options);
    }

    private InspectContainerResponse.ContainerState state(ContainerSpec spec) {
        return docker.inspectContainerCmd(spec.containerName()).exec().getState();
    }

    private boolean exists(ContainerSpec spec) {
        try {
            docker.inspectContainerCmd(spec.containerName()).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private VolumeState.Lease lease() {
        return volumes.states().get(0).lease();
    }

    @Test
    void aContainerWhoseFenceHoldsAHigherEpochIsNeitherCreatedNorStartedAndTheReasonIsReported()
            throws Exception {
        HostVolume volume = volume(HostVolume.LOCAL_SYNCED, 1);
        ContainerSpec notes = notes(volume);
        cloud.writeFence(volume, 2);

        List<Outcome> outcomes = pass.run(List.of(notes), List.of(volume));

        assertThat(exists(notes)).isFalse();
        assertThat(Outcome.summary(outcomes)).contains(notes.containerName() + ": lease of " + volume.key()
                + " is stale (fence holds epoch 2, this host 1): not started");
        assertThat(lease()).isEqualTo(VolumeState.Lease.STALE);
        assertThat(cloud.readFence(volume)).as("the fence is not taken back").startsWith("2\n");
    }

    @Test
    void aRunningContainerStopsWithinOnePassOnceAnotherHostTakesItsVolume() throws Exception {
        HostVolume volume = volume(HostVolume.SHARED, 1);
        ContainerSpec notes = notes(volume);
        assertThat(pass.run(List.of(notes), List.of(volume))).allMatch(Outcome::succeeded);
        assertThat(state(notes).getRunning()).isTrue();
        assertThat(cloud.readFence(volume)).as("claimed").startsWith("1\n");

        cloud.writeFence(volume, 2);
        List<Outcome> outcomes = pass.run(List.of(notes), List.of(volume)); // the periodic pass, same desired state

        assertThat(state(notes).getRunning()).as(outcomes + " " + volumes.states()).isFalse();
        assertThat(Outcome.summary(outcomes)).contains(notes.containerName() + ": lease of " + volume.key()
                + " is stale (fence holds epoch 2, this host 1): stopped");
        assertThat(pass.run(List.of(notes), List.of(volume))).extracting(Outcome::action).containsExactly("hold");
        assertThat(state(notes).getRunning()).as("not started again").isFalse();
    }

    @Test
    void droppingTheLeaseStopsTheContainerWithoutRemovingItAndSyncsWhatItWrote() throws Exception {
        HostVolume volume = volume(HostVolume.LOCAL_SYNCED, 1);
        ContainerSpec notes = notes(volume);
        pass.run(List.of(notes), List.of(volume));
        assertThat(state(notes).getRunning()).isTrue();
        Path written = Path.of(volume.path()).resolve("hello.txt");
        LocalSyncedVolumeIT.await(() -> Files.exists(written), Duration.ofSeconds(10));
        Path synced = cloud.local(volume.remote()).resolve("hello.txt");
        assertThat(synced).doesNotExist();

        List<Outcome> outcomes = pass.run(List.of(notes), List.of());

        assertThat(exists(notes)).isTrue();
        assertThat(state(notes).getRunning()).isFalse();
        assertThat(Outcome.summary(outcomes)).contains(notes.containerName() + ": no lease on " + volume.key());
        LocalSyncedVolumeIT.await(() -> Files.exists(synced), Duration.ofSeconds(15));
        assertThat(synced).hasContent("written by the app");
    }

    @Test
    void anUnreadableFenceKeepsARunningContainerRunningButStartsNothing() throws Exception {
        HostVolume volume = volume(HostVolume.SHARED, 1);
        ContainerSpec notes = notes(volume);
        pass.run(List.of(notes), List.of(volume));
        HostVolume cutOff = TestCloud.unreachable(volume);

        assertThat(pass.run(List.of(notes), List.of(cutOff))).isEmpty();
        assertThat(state(notes).getRunning()).isTrue();
        assertThat(lease()).isEqualTo(VolumeState.Lease.UNKNOWN);

        docker.stopContainerCmd(notes.containerName()).withTimeout(1).exec();
        List<Outcome> outcomes = pass.run(List.of(notes), List.of(cutOff));
        assertThat(state(notes).getRunning()).isFalse();
        assertThat(Outcome.summary(outcomes)).contains(notes.containerName() + ": lease of " + volume.key()
                + " is unknown (its fence cannot be read): not started");
    }

    /**
     * A host cut off from its remote stops writing once its self-fence window has passed without reading the fence
     * (by then the control plane may have moved the lease), and starts again once it reads that the lease is still its
     * own.
     */
    @Test
    void aFenceUnreadableForTheSelfFenceWindowStopsTheContainerUntilTheLeaseIsReadAgain() throws Exception {
        Volumes selfFencing = new Volumes(UUID.randomUUID(), rclone, dir.resolve("self-fencing-state"),
                Duration.ofSeconds(4), () -> { }, () -> { });
        ReconcilePass pass = new ReconcilePass(new HostContainers(docker, "hp-" + app), new DockerActions(docker,
                SecretSealing.newKey()), selfFencing.leases());
        HostVolume volume = volume(HostVolume.SHARED, 1);
        ContainerSpec notes = notes(volume);
        pass.run(List.of(notes), List.of(volume));
        HostVolume cutOff = TestCloud.unreachable(volume);
        assertThat(pass.run(List.of(notes), List.of(cutOff))).isEmpty();
        assertThat(state(notes).getRunning()).as("within the window: a network blip").isTrue();

        Thread.sleep(4_100);
        List<Outcome> outcomes = pass.run(List.of(notes), List.of(cutOff));

        assertThat(state(notes).getRunning()).as(Outcome.summary(outcomes)).isFalse();
        assertThat(Outcome.summary(outcomes)).contains(notes.containerName() + ": lease of " + volume.key()
                + " is unknown: its fence has not been read since ").contains("(self-fenced): stopped");
        assertThat(pass.run(List.of(notes), List.of(volume))).as("the fence still holds this host's epoch")
                .allMatch(Outcome::succeeded);
        assertThat(state(notes).getRunning()).isTrue();
        selfFencing.close();
    }
}
