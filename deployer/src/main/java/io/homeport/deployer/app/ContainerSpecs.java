package io.homeport.deployer.app;

import io.homeport.agent.protocol.ContainerOptions;
import io.homeport.agent.protocol.ContainerSpec;
import io.homeport.agent.protocol.PortMapping;
import io.homeport.agent.protocol.PullPolicy;
import io.homeport.deployer.secret.Secrets;
import io.homeport.api.apps.AppSpec;
import io.homeport.api.apps.RolloutStrategy;
import io.homeport.api.apps.VolumeMode;
import java.nio.file.Path;

/**
 * An app replica as the agent's desired state says it: the spec's content, its secrets sealed to the host's agent,
 * with volumes as host directories
 * ({@code shared}: {@code <shared mount>/apps/<app>/<volume>}; {@code local-synced}:
 * {@code <local volumes>/<app>/<volume>}).
 */
public final class ContainerSpecs {

    /** @param secrets the spec's secrets and registry login, sealed to the agent of the replica's host */
    public static ContainerSpec of(AppSpec spec, int replica, long revision, Secrets.Sealed secrets,
            Path sharedMount, Path localVolumes) {
        ContainerOptions.HealthCheck health = spec.healthCheck() == null || spec.healthCheck().test() == null ? null
                : new ContainerOptions.HealthCheck(spec.healthCheck().test(), spec.healthCheck().intervalSeconds(),
                        spec.healthCheck().timeoutSeconds(), spec.healthCheck().retries(),
                        spec.healthCheck().startPeriodSeconds());
        ContainerOptions options = new ContainerOptions(spec.entrypoint(), health, spec.resources().cpus(),
                spec.resources().memoryMb(), spec.network() == null ? null : spec.network().name(),
                spec.network() == null ? null : spec.network().aliases(),
                spec.volumes().stream().map(volume -> new ContainerOptions.Mount((volume.mode() == VolumeMode.SHARED
                        ? sharedMount.resolve("apps") : localVolumes).resolve(spec.name()).resolve(volume.name())
                        .toString(), volume.mountPath(), volume.readOnly())).toList(),
                spec.rollout() == RolloutStrategy.START_FIRST, secrets.env(), secrets.registryLogin());
        return new ContainerSpec(spec.name(), replica, revision, spec.image(), spec.command(), spec.env(),
                spec.labels(), spec.ports().stream().filter(port -> port.hostPort() != null)
                        .map(port -> new PortMapping(port.hostPort(), port.containerPort(), port.protocol())).toList(),
                spec.restartPolicy(), PullPolicy.MISSING, options);
    }

    private ContainerSpecs() {
    }
}
