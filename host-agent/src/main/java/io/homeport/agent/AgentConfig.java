package io.homeport.agent;

import io.homeport.agent.protocol.ContainerState;
import io.homeport.agent.volume.Volumes;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agent's settings, from its environment (the systemd unit or container sets them).
 *
 * @param gatewayUrl     {@code HOMEPORT_GATEWAY_URL}, e.g. {@code https://homeport.example.org}
 * @param enrollmentKey  {@code HOMEPORT_ENROLLMENT_KEY}; needed only until the agent holds a credential
 * @param stateDir       {@code HOMEPORT_AGENT_STATE_DIR} (default {@code /var/lib/homeport-agent}): the credential
 * @param dockerHost     {@code DOCKER_HOST} (default {@code unix:///var/run/docker.sock})
 * @param rclone         {@code HOMEPORT_RCLONE} (default {@code rclone} on the PATH), for rclone commands
 * @param rcloneConfig   {@code HOMEPORT_RCLONE_CONFIG} (default {@code /etc/homeport/rclone.conf})
 * @param hostRoot       {@code HOMEPORT_HOST_ROOT} (default {@code /}): where the host's {@code /etc} and {@code /proc}
 *                       are seen, for its facts; {@code /host} in the container image, with the host's root mounted
 * @param mountPath      {@code HOMEPORT_MOUNT_PATH} (default {@code /mnt/homeport}): the host's mount of the shared
 *                       remote, whose health full reports carry
 * @param rcloneRc       {@code HOMEPORT_RCLONE_RC} (default {@code http://127.0.0.1:5572}): that mount's rclone
 *                       remote-control API
 * @param netdataUrl   {@code HOMEPORT_NETDATA_URL} (default {@code http://127.0.0.1:19999}): the host's Netdata,
 *                     whose disk usage full reports carry
 * @param exposurePrefixes the label prefixes whose labels reports carry ({@link ContainerState#EXPOSURE_PREFIXES},
 *                       and {@code HOMEPORT_EXPOSURE_PREFIX} when the tunnel-manager is configured with another)
 * @param selfFence    {@code HOMEPORT_AGENT_SELF_FENCE} (default {@code PT10S}): how long a volume's fence may go
 *                     unread (the remote unreachable, e.g. the host's network is cut) before the containers on the
 *                     volume are stopped; the deployer's {@code HOMEPORT_DEPLOYER_FENCE_WAIT} must cover it
 */
public record AgentConfig(URI gatewayUrl, Optional<String> enrollmentKey, Path stateDir, String dockerHost,
        Duration heartbeatInterval, Duration snapshotInterval, String rclone, Path rcloneConfig, Path hostRoot,
        Path mountPath, URI rcloneRc, URI netdataUrl, List<String> exposurePrefixes, Duration selfFence) {

    public static AgentConfig fromEnvironment(Map<String, String> env) {
        String gateway = env.get("HOMEPORT_GATEWAY_URL");
        if (gateway == null || gateway.isBlank()) {
            throw new IllegalArgumentException("HOMEPORT_GATEWAY_URL is required (the gateway the agent dials out to)");
        }
        return new AgentConfig(URI.create(gateway.replaceAll("/+$", "")),
                Optional.ofNullable(env.get("HOMEPORT_ENROLLMENT_KEY")).filter(k -> !k.isBlank()),
                Path.of(env.getOrDefault("HOMEPORT_AGENT_STATE_DIR", "/var/lib/homeport-agent")),
                env.getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock"),
                Duration.parse(env.getOrDefault("HOMEPORT_AGENT_HEARTBEAT", "PT10S")),
                Duration.parse(env.getOrDefault("HOMEPORT_AGENT_SNAPSHOT", "PT30S")),
                env.getOrDefault("HOMEPORT_RCLONE", "rclone"),
                Path.of(env.getOrDefault("HOMEPORT_RCLONE_CONFIG", "/etc/homeport/rclone.conf")),
                Path.of(env.getOrDefault("HOMEPORT_HOST_ROOT", "/")),
                Path.of(env.getOrDefault("HOMEPORT_MOUNT_PATH", "/mnt/homeport")),
                URI.create(env.getOrDefault("HOMEPORT_RCLONE_RC", "http://127.0.0.1:5572")),
                URI.create(env.getOrDefault("HOMEPORT_NETDATA_URL", "http://127.0.0.1:19999")),
                exposurePrefixes(env.get("HOMEPORT_EXPOSURE_PREFIX")),
                Optional.ofNullable(env.get("HOMEPORT_AGENT_SELF_FENCE")).map(Duration::parse)
                        .orElse(Volumes.DEFAULT_SELF_FENCE));
    }

    private static List<String> exposurePrefixes(String configured) {
        List<String> prefixes = new ArrayList<>(ContainerState.EXPOSURE_PREFIXES);
        if (configured != null && !configured.isBlank()) {
            String prefix = configured.strip().endsWith(".") ? configured.strip() : configured.strip() + ".";
            if (!prefixes.contains(prefix)) {
                prefixes.add(prefix);
            }
        }
        return List.copyOf(prefixes);
    }

    /** Never print the enrollment key. */
    @Override
    public String toString() {
        return "AgentConfig[gateway=" + gatewayUrl + ", stateDir=" + stateDir + ", docker=" + dockerHost + "]";
    }
}
