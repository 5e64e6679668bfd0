package io.homeport.deployer.app;

import io.homeport.agent.protocol.ContainerOptions;
import io.homeport.agent.protocol.ContainerSpec;
import io.homeport.agent.protocol.HostVolume;
import io.homeport.agent.protocol.PortMapping;
import io.homeport.agent.protocol.PullPolicy;
import io.homeport.deployer.secret.Secrets;
import io.homeport.api.apps.AppSpec;
import io.homeport.api.apps.RolloutStrategy;
import java.util.Map;

/**
 * An app replica as the agent's desired state says it: the spec's content, its secrets sealed to the host's agent,
 * and each volume bound from the directory its lease names, the mount naming the volume ({@code <app>/<name>}) so
 * the agent starts the container only while it holds that lease. The storage-manager names every path.
 */
public final class ContainerSpecs {

    /**
     * @param secrets the spec's secrets and registry login, sealed to the agent of the replica's host
     * @param leases  the lease of each of the spec's volumes, by volume name
     */
    public static ContainerSpec of(AppSpec spec, int replica, long revision, Secrets.Sealed secrets,
            Map<String, HostVolume> leases) {
        ContainerOptions.HealthCheck health = spec.healthCheck() == null || spec.healthCheck().test() == null ? null
                : new ContainerOptions.HealthCheck(spec.healthCheck().test(), spec.healthCheck().intervalSeconds(),
                        spec.healthCheck().timeoutSeconds(), spec.healthCheck().retries(),
                        spec.healthCheck().startPeriodSeconds());
        ContainerOptions options = new ContainerOptions(spec.entrypoint(), health, spec.resources().cpus(),
                spec.resources().memoryMb(), spec.network() == null ? null : spec.network().name(),
                spec.network() == null ? null : spec.network().aliases(),
                spec.volumes().stream().map(volume -> mount(volume, leases.get(volume.name()))).toList(),
                spec.rollout() == RolloutStrategy.START_FIRST, secrets.env(), secrets.registryLogin());
        return new ContainerSpec(spec.name(), replica, revision, spec.image(), spec.command(), spec.env(),
                spec.labels(), spec.ports().stream().filter(port -> port.hostPort() != null)
                        .map(port -> new PortMapping(port.hostPort(), port.containerPort(), port.protocol())).toList(),
                spec.restartPolicy(), PullPolicy.MISSING, options);
    }

    private static ContainerOptions.Mount mount(AppSpec.Volume volume, HostVolume lease) {
        if (lease == null) {
            throw new IllegalArgumentException("volume " + volume.name() + " has no lease to bind it from");
        }
        return new ContainerOptions.Mount(lease.path(), volume.mountPath(), volume.readOnly(), lease.key());
    }

    private ContainerSpecs() {
    }
}
