package io.homeport.agent.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import io.homeport.agent.reconcile.ActualContainer;
import io.homeport.agent.protocol.ContainerOptions;
import io.homeport.agent.protocol.ContainerSpec;
import io.homeport.agent.protocol.SecretSealing;
import io.homeport.agent.protocol.PullPolicy;
import io.homeport.agent.protocol.SealedSecret;
import io.homeport.testkit.DockerEngine;
import io.homeport.testkit.LocalImages;
import io.homeport.testkit.LocalRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reconcile passes against the real local dockerd, with an image built on this machine. */
class ReconcilePassIT {

    private static DockerClient docker;
    private static String image;
    private static final PublicJsonWebKey KEY = SecretSealing.newKey();

    private String prefix;
    private final List<String> unmanaged = new java.util.ArrayList<>();
    private final List<String> networks = new java.util.ArrayList<>();

    @BeforeAll
    static void engine() {
        docker = DockerEngine.require(DockerClients.connect(DockerClients.DEFAULT_HOST));
        image = LocalImages.busybox(docker);
    }

    @BeforeEach
    void uniqueApps() {
        prefix = "it" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void removeWhatTheTestMade() {
        for (ActualContainer container : new HostContainers(docker).all()) {
            if (container.name().startsWith("hp-" + prefix) || unmanaged.contains(container.name())) {
                docker.removeContainerCmd(container.id()).withForce(true).exec();
            }
        }
        networks.forEach(network -> docker.removeNetworkCmd(network).exec());
    }

    private ContainerSpec spec(String app, Map<String, String> env) {
        return new ContainerSpec(prefix + "-" + app, 0, 1, image, List.of("sleep", "3600"), env,
                Map.of("team", "it"), List.of(), "unless-stopped", PullPolicy.NEVER);
    }

    private ReconcilePass pass() {
        // a new pass object each time, as after an agent restart: nothing carried over but Docker's labels; it sees
        // this test's containers only, so it never removes another's managed containers from the shared engine
        return new ReconcilePass(new HostContainers(docker, "hp-" + prefix), new DockerActions(docker, KEY));
    }

    private InspectContainerResponse inspect(ContainerSpec spec) {
        return docker.inspectContainerCmd(spec.containerName()).exec();
    }

    @Test
    void threeContainersConvergeAndASecondPassChangesNothing() {
        List<ContainerSpec> desired = List.of(spec("web", Map.of()), spec("db", Map.of()), spec("cache", Map.of()));

        List<Outcome> first = pass().run(desired);

        assertThat(first).allMatch(Outcome::succeeded).hasSize(6);
        for (ContainerSpec spec : desired) {
            InspectContainerResponse container = inspect(spec);
            assertThat(container.getState().getRunning()).as(spec.containerName()).isTrue();
            assertThat(container.getConfig().getLabels()).containsEntry("io.homeport.managed", "true")
                    .containsEntry("team", "it");
        }
        String startedAt = inspect(desired.get(0)).getState().getStartedAt();

        assertThat(pass().run(desired)).as("second pass").isEmpty();
        assertThat(inspect(desired.get(0)).getState().getStartedAt()).as("not restarted").isEqualTo(startedAt);
    }

    @Test
    void changingOneEnvVarRecreatesOnlyThatContainer() {
        ContainerSpec web = spec("web", Map.of("MODE", "a"));
        ContainerSpec db = spec("db", Map.of("MODE", "a"));
        pass().run(List.of(web, db));
        String webId = inspect(web).getId();
        String dbId = inspect(db).getId();

        ContainerSpec changedDb = spec("db", Map.of("MODE", "b"));
        List<Outcome> outcomes = pass().run(List.of(web, changedDb));

        assertThat(outcomes).allMatch(Outcome::succeeded).allMatch(o -> o.container().equals(db.containerName()));
        assertThat(inspect(web).getId()).isEqualTo(webId);
        assertThat(inspect(changedDb).getId()).isNotEqualTo(dbId);
        assertThat(inspect(changedDb).getConfig().getEnv()).contains("MODE=b");
    }

    @Test
    void aContainerRemovedByHandComesBack() {
        ContainerSpec web = spec("web", Map.of());
        pass().run(List.of(web));
        docker.removeContainerCmd(inspect(web).getId()).withForce(true).exec();

        pass().run(List.of(web));

        assertThat(inspect(web).getState().getRunning()).isTrue();
    }

    @Test
    void anUnmanagedContainerIsNeverTouchedEvenWhenNothingIsDesired() {
        String name = "hp-" + prefix + "-mine"; // within the pass's view
        unmanaged.add(name);
        docker.createContainerCmd(image).withName(name).withCmd("sleep", "3600").exec();
        docker.startContainerCmd(name).exec();
        String startedAt = docker.inspectContainerCmd(name).exec().getState().getStartedAt();

        pass().run(List.of());

        InspectContainerResponse mine = docker.inspectContainerCmd(name).exec();
        assertThat(mine.getState().getRunning()).isTrue();
        assertThat(mine.getState().getStartedAt()).isEqualTo(startedAt);
    }

    @Test
    void containersNoLongerDesiredAreStoppedAndRemoved() {
        ContainerSpec web = spec("web", Map.of());
        ContainerSpec old = spec("old", Map.of());
        pass().run(List.of(web, old));

        pass().run(List.of(web));

        assertThat(inspect(web).getState().getRunning()).isTrue();
        assertThat(exists(old)).isFalse();
    }

    @Test
    void aNameTakenByAnUnmanagedContainerIsReportedAndLeftAlone() {
        ContainerSpec web = spec("web", Map.of());
        unmanaged.add(web.containerName());
        docker.createContainerCmd(image).withName(web.containerName()).withCmd("sleep", "3600").exec();

        List<Outcome> outcomes = pass().run(List.of(web));

        assertThat(outcomes).anyMatch(o -> !o.succeeded() && o.message().contains("does not manage"));
        assertThat(inspect(web).getConfig().getLabels()).doesNotContainKey("io.homeport.managed");
    }

    @Test
    void optionsAreAppliedAndStackMembersFindEachOtherByAlias() throws Exception {
        Path data = Files.createTempDirectory("hp-mount");
        Files.writeString(data.resolve("greeting"), "hello");
        String network = "hp-" + prefix;
        networks.add(network);
        ContainerOptions dbOptions = new ContainerOptions(List.of("sh", "-c"),
                new ContainerOptions.HealthCheck(List.of("CMD-SHELL", "test -f /data/greeting"), 1, 1, 3, 0),
                0.5, 64L, network, List.of("db"), List.of(new ContainerOptions.Mount(data.toString(), "/data", true)),
                false, null, null);
        ContainerSpec db = new ContainerSpec(prefix + "-db", 0, 1, image, List.of("exec sleep 3600"), null, null,
                null, null, PullPolicy.NEVER, dbOptions);
        ContainerSpec web = new ContainerSpec(prefix + "-web", 0, 1, image,
                List.of("sh", "-c", "until ping -c 1 -W 1 db; do sleep 0.2; done; exec sleep 3600"), null, null, null,
                null, PullPolicy.NEVER, new ContainerOptions(null, null, null, null, network, List.of("web"), null,
                        false, null, null));

        assertThat(pass().run(List.of(db, web))).allMatch(Outcome::succeeded);

        InspectContainerResponse inspected = inspect(db);
        assertThat(inspected.getConfig().getEntrypoint()).containsExactly("sh", "-c");
        assertThat(inspected.getHostConfig().getNanoCPUs()).isEqualTo(500_000_000L);
        assertThat(inspected.getHostConfig().getMemory()).isEqualTo(64L * 1024 * 1024);
        assertThat(inspected.getHostConfig().getBinds()).extracting(Object::toString)
                .containsExactly(data + ":/data:ro");
        assertThat(inspected.getNetworkSettings().getNetworks().get(network).getAliases()).contains("db");
        org.awaitility.Awaitility.await("healthy").atMost(java.time.Duration.ofSeconds(20))
                .until(() -> "healthy".equals(inspect(db).getState().getHealth().getStatus()));
        org.awaitility.Awaitility.await("web reached db by its alias").atMost(java.time.Duration.ofSeconds(20))
                .until(() -> docker.topContainerCmd(web.containerName()).exec().getProcesses().length > 0
                        && java.util.Arrays.stream(docker.topContainerCmd(web.containerName()).exec().getProcesses())
                                .anyMatch(process -> String.join(" ", process).contains("sleep 3600")));
    }

    private boolean exists(ContainerSpec spec) {
        try {
            inspect(spec);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /**
     * Start-first over real passes: the successor runs beside the old container until Docker calls it healthy (its
     * health file appears 2 s in), then takes the old one's name; the old one kept running all along before that.
     */
    @Test
    void startFirstKeepsTheOldContainerRunningUntilTheSuccessorIsHealthy() {
        ContainerOptions health = new ContainerOptions(null, new ContainerOptions.HealthCheck(
                List.of("CMD-SHELL", "test -f /tmp/ok"), 1, 1, 30, 0), null, null, null, null, null, true, null, null);
        ContainerSpec old = new ContainerSpec(prefix + "-web", 0, 1, image,
                List.of("sh", "-c", "touch /tmp/ok; exec sleep 3600"), Map.of("V", "1"), null, null, null,
                PullPolicy.NEVER, health);
        ContainerSpec next = new ContainerSpec(prefix + "-web", 0, 2, image,
                List.of("sh", "-c", "sleep 2; touch /tmp/ok; exec sleep 3600"), Map.of("V", "2"), null, null, null,
                PullPolicy.NEVER, health);
        assertThat(pass().run(List.of(old))).allMatch(Outcome::succeeded);
        String oldId = inspect(old).getId();

        assertThat(pass().run(List.of(next))).allMatch(Outcome::succeeded).hasSize(2);
        assertThat(docker.inspectContainerCmd(next.successorName()).exec().getState().getRunning()).isTrue();
        assertThat(pass().run(List.of(next))).as("the successor is not healthy yet").isEmpty();
        assertThat(inspect(old).getId()).isEqualTo(oldId);
        assertThat(inspect(old).getState().getRunning()).isTrue();

        org.awaitility.Awaitility.await("the successor takes over").atMost(java.time.Duration.ofSeconds(30))
                .until(() -> !pass().run(List.of(next)).isEmpty());
        InspectContainerResponse now = inspect(next);
        assertThat(now.getId()).isNotEqualTo(oldId);
        assertThat(now.getConfig().getLabels()).containsEntry("io.homeport.revision", "2");
        assertThat(new HostContainers(docker).all()).filteredOn(c -> c.name().startsWith("hp-" + prefix))
                .singleElement().satisfies(c -> {
                    assertThat(c.name()).isEqualTo(next.containerName());
                    assertThat(c.health()).as("read from the container list").isEqualTo("healthy");
                });
        assertThat(pass().run(List.of(next))).as("in sync").isEmpty();
    }

    /** A secret sealed to this agent's key reaches the container's environment; one sealed to another key fails. */
    @Test
    void sealedSecretsAreOpenedIntoTheEnvironmentOnlyByTheirAgent() {
        String publicJwk = SecretSealing.publicJwk(KEY);
        ContainerSpec withSecret = new ContainerSpec(prefix + "-db", 0, 1, image, List.of("sleep", "3600"),
                Map.of("PLAIN", "1"), null, null, null, PullPolicy.NEVER, new ContainerOptions(null, null, null,
                        null, null, null, null, false, List.of(new SealedSecret("DB_PASSWORD", "db-password", 3,
                                SecretSealing.seal(publicJwk, "hunter2 and more"))), null));
        ContainerSpec wrongKey = new ContainerSpec(prefix + "-other", 0, 1, image, List.of("sleep", "3600"), null,
                null, null, null, PullPolicy.NEVER, new ContainerOptions(null, null, null, null, null, null, null,
                        false, List.of(new SealedSecret("TOKEN", "token", 1, SecretSealing.seal(
                                SecretSealing.publicJwk(SecretSealing.newKey()), "not-for-you"))), null));

        List<Outcome> outcomes = pass().run(List.of(withSecret, wrongKey));

        assertThat(List.of(inspect(withSecret).getConfig().getEnv())).contains("PLAIN=1",
                "DB_PASSWORD=hunter2 and more");
        assertThat(outcomes).filteredOn(outcome -> outcome.action().equals("create") && !outcome.succeeded())
                .singleElement().satisfies(failed -> {
            assertThat(failed.container()).isEqualTo(wrongKey.containerName());
            assertThat(failed.message()).contains("secret token (for TOKEN)").doesNotContain("not-for-you");
        });
        assertThat(exists(wrongKey)).isFalse();
    }

    /**
     * An image in a real private registry (Distribution with an htpasswd user) is pulled with the login sealed to
     * this agent, and refused without one; the password shows in no outcome.
     */
    @Test
    void aPrivateImageIsPulledWithTheSealedLoginAndRefusedWithoutIt() throws Exception {
        try (LocalRegistry registry = LocalRegistry.start(Files.createTempDirectory("hp-registry"), "homeport",
                "registry-pw-7")) {
            String repository = registry.address() + "/hp/" + prefix;
            String privateImage = repository + ":1";
            docker.tagImageCmd(image, repository, "1").exec();
            docker.pushImageCmd(repository).withTag("1").withAuthConfig(new AuthConfig().withUsername("homeport")
                    .withPassword("registry-pw-7").withRegistryAddress(registry.address())).start()
                    .awaitCompletion(60, java.util.concurrent.TimeUnit.SECONDS);
            docker.removeImageCmd(privateImage).exec(); // only the registry has it now
            SealedSecret login = new SealedSecret(null, "registry", 1, SecretSealing.seal(SecretSealing.publicJwk(KEY),
                    "{\"username\":\"homeport\",\"password\":\"registry-pw-7\"}"));
            ContainerSpec anonymous = new ContainerSpec(prefix + "-private", 0, 1, privateImage,
                    List.of("sleep", "3600"), null, null, null, null, PullPolicy.MISSING);
            ContainerSpec withLogin = new ContainerSpec(prefix + "-private", 0, 1, privateImage,
                    List.of("sleep", "3600"), null, null, null, null, PullPolicy.MISSING, new ContainerOptions(null,
                            null, null, null, null, null, null, false, null, login));
            try {
                List<Outcome> refused = pass().run(List.of(anonymous));
                assertThat(refused).filteredOn(outcome -> outcome.action().equals("pull")).singleElement()
                        .satisfies(pull -> assertThat(pull.succeeded()).isFalse());
                assertThat(exists(anonymous)).isFalse();

                List<Outcome> pulled = pass().run(List.of(withLogin));
                assertThat(pulled).allMatch(Outcome::succeeded);
                assertThat(pulled).extracting(Outcome::message).noneMatch(m -> m != null && m.contains("pw-7"));
                assertThat(inspect(withLogin).getState().getRunning()).isTrue();
                assertThat(inspect(withLogin).getConfig().getImage()).isEqualTo(privateImage);
            } finally {
                removeWhatTheTestMade();
                docker.removeImageCmd(privateImage).withForce(true).exec();
            }
        }
    }
}
