package io.homeport.agent.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.PullImageCmd;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import io.homeport.agent.protocol.ContainerOptions;
import io.homeport.agent.reconcile.Action;
import io.homeport.agent.protocol.ContainerSpec;
import io.homeport.agent.reconcile.ManagedLabels;
import io.homeport.agent.protocol.PortMapping;
import io.homeport.agent.protocol.SealedSecret;
import io.homeport.agent.protocol.SecretSealing;
import io.homeport.agent.reconcile.SpecHash;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jose4j.jwk.PublicJsonWebKey;

/**
 * Carries out a reconcile plan against the engine. Every step is idempotent: starting a running container,
 * stopping a stopped one or removing a gone one counts as done; a name already taken is adopted when it holds
 * the same managed spec and purged otherwise. A failed step skips the later steps of the same container only.
 */
public final class DockerActions {

    private static final int STOP_TIMEOUT_SECONDS = 10;

    private final DockerClient docker;
    private final Networks networks;
    private final PublicJsonWebKey sealingKey;

    /** @param sealingKey the agent's key, which opens the secrets and registry logins sealed to it */
    public DockerActions(DockerClient docker, PublicJsonWebKey sealingKey) {
        this.docker = docker;
        this.networks = new Networks(docker);
        this.sealingKey = sealingKey;
    }

    public List<Outcome> execute(List<Action> plan) {
        List<Outcome> outcomes = new ArrayList<>();
        Set<String> failed = new HashSet<>();
        for (Action action : plan) {
            if (action instanceof Action.Hold hold && !failed.contains(hold.container())) {
                outcomes.add(Outcome.held(hold));
                continue;
            }
            if (failed.contains(action.container())) {
                outcomes.add(Outcome.skipped(action));
                continue;
            }
            try {
                apply(action);
                outcomes.add(Outcome.done(action));
            } catch (DockerException | IllegalStateException e) {
                failed.add(action.container());
                outcomes.add(Outcome.failed(action, e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcomes.add(Outcome.failed(action, "interrupted"));
                return outcomes;
            }
        }
        return outcomes;
    }

    private void apply(Action action) throws InterruptedException {
        if (action instanceof Action.Pull pull) {
            PullImageCmd command = docker.pullImageCmd(pull.image());
            if (pull.login() != null) {
                command.withAuthConfig(RegistryLogin.open(pull.image(), pull.login(), sealingKey));
            }
            command.start().awaitCompletion(10, TimeUnit.MINUTES);
        } else if (action instanceof Action.Create create) {
            create(create.container(), create.spec(), true);
        } else if (action instanceof Action.Start start) {
            try {
                docker.startContainerCmd(start.container()).exec();
            } catch (NotModifiedException alreadyRunning) {
                // done already
            }
        } else if (action instanceof Action.Stop stop && stop.atOnce()) {
            // SIGKILL, not waiting for the exit: a process blocked on an unreachable mount dies only once its I/O
            // returns, and the pass must go on to fence the host's other containers meanwhile
            try {
                docker.killContainerCmd(stop.id()).exec();
            } catch (NotFoundException | ConflictException notRunning) {
                // done already
            }
        } else if (action instanceof Action.Stop stop) {
            try {
                docker.stopContainerCmd(stop.id()).withTimeout(STOP_TIMEOUT_SECONDS).exec();
            } catch (NotModifiedException | NotFoundException alreadyStopped) {
                // done already
            }
        } else if (action instanceof Action.Remove remove) {
            try {
                docker.removeContainerCmd(remove.id()).withForce(true).exec();
            } catch (NotFoundException alreadyGone) {
                // done already
            }
        } else if (action instanceof Action.Rename rename) {
            docker.renameContainerCmd(rename.from()).withName(rename.container()).exec();
        }
    }

    private void create(String name, ContainerSpec spec, boolean mayPurge) {
        if (spec.options().network() != null) {
            networks.ensure(spec.options().network());
        }
        try {
            command(name, spec).exec();
        } catch (ConflictException nameTaken) {
            InspectContainerResponse existing = docker.inspectContainerCmd(name).exec();
            Map<String, String> labels = existing.getConfig().getLabels();
            if (ManagedLabels.isManaged(labels) && SpecHash.of(spec).equals(labels.get(ManagedLabels.SPEC_HASH))) {
                return; // adopt: a previous pass created it before it could report
            }
            if (!mayPurge || !ManagedLabels.isManaged(labels)) {
                throw new IllegalStateException("the name " + name
                        + " is taken by a container Homeport does not manage");
            }
            docker.removeContainerCmd(existing.getId()).withForce(true).exec();
            create(name, spec, false);
        }
    }

    private CreateContainerCmd command(String name, ContainerSpec spec) {
        List<ExposedPort> exposed = new ArrayList<>();
        Ports bindings = new Ports();
        for (PortMapping port : spec.ports()) {
            ExposedPort containerPort = new ExposedPort(port.containerPort(), InternetProtocol.parse(port.protocol()));
            exposed.add(containerPort);
            bindings.bind(containerPort, Ports.Binding.bindPort(port.hostPort()));
        }
        ContainerOptions options = spec.options();
        HostConfig host = HostConfig.newHostConfig()
                .withRestartPolicy(RestartPolicy.parse(spec.restartPolicy()))
                .withPortBindings(bindings)
                .withInit(true)
                .withBinds(options.mounts().stream().map(mount -> new Bind(mount.source(), new Volume(mount.target()),
                        mount.readOnly() ? AccessMode.ro : AccessMode.rw)).toList());
        if (options.cpus() != null) {
            host.withNanoCPUs((long) (options.cpus() * 1e9));
        }
        if (options.memoryMb() != null) {
            host.withMemory(options.memoryMb() * 1024 * 1024);
        }
        if (options.network() != null) {
            host.withNetworkMode(options.network());
        }
        CreateContainerCmd create = docker.createContainerCmd(spec.image())
                .withName(name)
                .withLabels(ManagedLabels.of(spec))
                .withEnv(env(spec))
                .withExposedPorts(exposed)
                .withHostConfig(host);
        if (!spec.command().isEmpty()) {
            create.withCmd(spec.command());
        }
        if (!options.entrypoint().isEmpty()) {
            create.withEntrypoint(options.entrypoint());
        }
        if (options.network() != null && !options.aliases().isEmpty()) {
            create.withAliases(options.aliases());
        }
        if (options.healthCheck() != null) {
            ContainerOptions.HealthCheck check = options.healthCheck();
            create.withHealthcheck(new HealthCheck().withTest(check.test())
                    .withInterval(TimeUnit.SECONDS.toNanos(check.intervalSeconds()))
                    .withTimeout(TimeUnit.SECONDS.toNanos(check.timeoutSeconds()))
                    .withRetries(check.retries())
                    .withStartPeriod(TimeUnit.SECONDS.toNanos(check.startPeriodSeconds())));
        }
        return create;
    }

    /** The spec's variables and its secrets, opened here, the only place they exist in the clear. */
    private List<String> env(ContainerSpec spec) {
        List<String> env = new ArrayList<>();
        spec.env().forEach((name, value) -> env.add(name + "=" + value));
        for (SealedSecret secret : spec.options().secrets()) {
            try {
                env.add(secret.env() + "=" + SecretSealing.unseal(sealingKey, secret.sealed()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("secret " + secret.name() + " (for " + secret.env() + "): "
                        + e.getMessage(), e);
            }
        }
        return env;
    }

}
