package io.homeport.agent.protocol;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One container a host must run, as the deployer's desired state describes it.
 *
 * @param app        the application it belongs to
 * @param replica    its index among the application's replicas on this host
 * @param revision   the application revision it comes from (not part of the spec hash: a new revision with the
 *                   same content changes nothing on the host)
 * @param labels     user labels, passed through unchanged (tunnel labels depend on it); never {@code io.homeport.*}
 * @param options    entrypoint, health check, limits, network, mounts ({@link ContainerOptions#NONE} for none)
 */
public record ContainerSpec(String app, int replica, long revision, String image, List<String> command,
        Map<String, String> env, Map<String, String> labels, List<PortMapping> ports, String restartPolicy,
        PullPolicy pullPolicy, ContainerOptions options) {

    /** A container with no {@link ContainerOptions}. */
    public ContainerSpec(String app, int replica, long revision, String image, List<String> command,
            Map<String, String> env, Map<String, String> labels, List<PortMapping> ports, String restartPolicy,
            PullPolicy pullPolicy) {
        this(app, replica, revision, image, command, env, labels, ports, restartPolicy, pullPolicy, null);
    }

    public ContainerSpec {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(image, "image");
        command = command == null ? List.of() : List.copyOf(command);
        env = env == null ? Map.of() : Map.copyOf(env);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        ports = ports == null ? List.of() : List.copyOf(ports);
        restartPolicy = restartPolicy == null ? "unless-stopped" : restartPolicy;
        pullPolicy = pullPolicy == null ? PullPolicy.MISSING : pullPolicy;
        options = options == null ? ContainerOptions.NONE : options;
        labels.keySet().stream().filter(key -> key.startsWith(RESERVED_LABEL_PREFIX)).findFirst().ifPresent(key -> {
            throw new IllegalArgumentException("label " + key + " is reserved for Homeport");
        });
    }

    /** Labels under this prefix are the agent's own (managed flag, spec hash, ...). */
    public static final String RESERVED_LABEL_PREFIX = "io.homeport.";

    /** The deterministic container name, {@code hp-<app>-<replica>}. */
    public String containerName() {
        return containerName(app, replica);
    }

    /** The container name of an app's replica, {@code hp-<app>-<replica>}: the one place that says it. */
    public static String containerName(String app, int replica) {
        return "hp-" + app + "-" + replica;
    }

    /**
     * The name a start-first replacement runs under, beside {@link #containerName()}, until it is healthy and takes
     * the name over.
     */
    public String successorName() {
        return successorName(containerName());
    }

    /** The name of the start-first successor of the container named {@code containerName}. */
    public static String successorName(String containerName) {
        return containerName + SUCCESSOR_SUFFIX;
    }

    /** What a {@link #successorName()} ends with. */
    public static final String SUCCESSOR_SUFFIX = ".next";
}
