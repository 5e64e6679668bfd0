package io.homeport.api.apps;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a user deploys: one application, as JSON or YAML. Field by field checks are here; what needs the whole
 * spec (image reference grammar, port clashes, health check sense) the deployer checks on arrival.
 *
 * @param secrets             environment variable → name of a stored secret; the value never appears in the spec
 * @param labels              passed through unchanged (tunnel labels such as {@code dockflare.*} depend on it)
 * @param dependsOn           apps of the same stack that start first (from a compose file's {@code depends_on})
 * @param network             a network the app's containers join (a compose stack's network), null for Docker's default
 * @param registryCredentials name of a stored secret holding the login for a private image's registry, as
 *                   {@code {"username": "…", "password": "…"}} (a token counts as a password)
 */
@Schema(description = "An application: one container image run as one or more replicas.")
public record AppSpec(
        @Schema(required = true, examples = "web")
        @NotBlank(message = "is required")
        @Size(max = 40, message = "must be at most 40 characters")
        @Pattern(regexp = NAME, message = "must be lower-case letters, digits and '-', starting with a letter or digit")
        String name,

        @Schema(required = true, examples = "nginx:1.27")
        @NotBlank(message = "is required")
        @Size(max = 255, message = "must be at most 255 characters")
        String image,

        @Size(max = 64, message = "must hold at most 64 arguments") List<String> command,
        @Size(max = 16, message = "must hold at most 16 arguments") List<String> entrypoint,

        @Size(max = 256, message = "must hold at most 256 variables")
        Map<@Pattern(regexp = ENV_NAME, message = "variable names are letters, digits and '_', not starting with a digit")
                String, String> env,

        @Size(max = 64, message = "must hold at most 64 secrets")
        Map<@Pattern(regexp = ENV_NAME, message = "variable names are letters, digits and '_', not starting with a digit")
                String, @Pattern(regexp = NAME, message = "must name a stored secret") String> secrets,

        @Size(max = 32, message = "must hold at most 32 ports") List<@Valid Port> ports,
        @Size(max = 16, message = "must hold at most 16 volumes") List<@Valid Volume> volumes,

        @Size(max = 128, message = "must hold at most 128 labels")
        Map<@Pattern(regexp = LABEL_KEY, message = "label keys are letters, digits, '.', '_', '/' and '-'")
                String, @Size(max = 4096, message = "label values are at most 4096 characters") String> labels,

        @Valid HealthCheck healthCheck,

        @Schema(defaultValue = "unless-stopped")
        @Pattern(regexp = "no|always|unless-stopped|on-failure", message = "must be no, always, unless-stopped or on-failure")
        String restartPolicy,

        @Valid Resources resources,

        @Schema(defaultValue = "1")
        @Min(value = 1, message = "must be between 1 and 20") @Max(value = 20, message = "must be between 1 and 20")
        Integer replicas,

        @Valid Placement placement,

        @Schema(defaultValue = "manual") FailoverPolicy failover,
        @Schema(defaultValue = "recreate") RolloutStrategy rollout,

        @Pattern(regexp = NAME, message = "must name stored registry credentials") String registryCredentials,

        List<@Pattern(regexp = NAME, message = "must name an app") String> dependsOn,

        @Valid Network network) {

    public static final String NAME = "[a-z0-9]([a-z0-9-]*[a-z0-9])?";
    static final String ENV_NAME = "[A-Za-z_][A-Za-z0-9_]*";
    static final String LABEL_KEY = "[A-Za-z0-9]([A-Za-z0-9._/-]{0,254})";

    public AppSpec {
        command = command == null ? List.of() : command;
        entrypoint = entrypoint == null ? List.of() : entrypoint;
        env = env == null ? Map.of() : env;
        secrets = secrets == null ? Map.of() : secrets;
        ports = ports == null ? List.of() : ports;
        volumes = volumes == null ? List.of() : volumes;
        labels = labels == null ? Map.of() : labels;
        restartPolicy = restartPolicy == null ? "unless-stopped" : restartPolicy;
        resources = resources == null ? new Resources(null, null) : resources;
        replicas = replicas == null ? 1 : replicas;
        placement = placement == null ? new Placement(null, null) : placement;
        failover = failover == null ? FailoverPolicy.MANUAL : failover;
        rollout = rollout == null ? RolloutStrategy.RECREATE : rollout;
        dependsOn = dependsOn == null ? List.of() : dependsOn;
    }

    /** A published port. {@code hostPort} null: the container port is reachable only on the host's networks. */
    public record Port(
            @Min(value = 1, message = "must be between 1 and 65535") @Max(value = 65535, message = "must be between 1 and 65535")
            int containerPort,
            @Min(value = 1, message = "must be between 1 and 65535") @Max(value = 65535, message = "must be between 1 and 65535")
            Integer hostPort,
            @Pattern(regexp = "tcp|udp", message = "must be tcp or udp") String protocol) {

        public Port {
            protocol = protocol == null ? "tcp" : protocol;
        }
    }

    /** A volume: {@code shared} lives on the shared remote's mount, {@code local-synced} on the host, synced. */
    public record Volume(
            @NotBlank(message = "is required") @Pattern(regexp = NAME, message = "must be lower-case letters, digits and '-'")
            String name,
            @Schema(defaultValue = "shared") VolumeMode mode,
            @NotBlank(message = "is required") @Pattern(regexp = "/.*", message = "must be an absolute path")
            String mountPath,
            boolean readOnly) {

        public Volume {
            mode = mode == null ? VolumeMode.SHARED : mode;
        }
    }

    /**
     * Docker's health check. {@code test} as in Docker: {@code ["CMD", "wget", "-q", "-O-", "http://localhost"]} or
     * {@code ["CMD-SHELL", "..."]}.
     */
    public record HealthCheck(
            @Size(min = 2, message = "must be CMD or CMD-SHELL followed by the command") List<String> test,
            @Min(value = 1, message = "must be at least 1") Integer intervalSeconds,
            @Min(value = 1, message = "must be at least 1") Integer timeoutSeconds,
            @Min(value = 1, message = "must be at least 1") Integer retries,
            @Min(value = 0, message = "must not be negative") Integer startPeriodSeconds) {

        public HealthCheck {
            intervalSeconds = intervalSeconds == null ? 10 : intervalSeconds;
            timeoutSeconds = timeoutSeconds == null ? 5 : timeoutSeconds;
            retries = retries == null ? 3 : retries;
            startPeriodSeconds = startPeriodSeconds == null ? 0 : startPeriodSeconds;
        }
    }

    /** Limits per replica; placement counts them against what the host's agent reported. */
    public record Resources(
            @DecimalMin(value = "0.01", message = "must be at least 0.01")
            @DecimalMax(value = "256", message = "must be at most 256")
            Double cpus,
            @Min(value = 6, message = "must be at least 6 (MiB)") Long memoryMb) {
    }

    /** A user-defined network on each host, and the names the app answers to on it (a compose service's name). */
    public record Network(
            @NotBlank(message = "is required") @Pattern(regexp = NAME, message = "must be lower-case letters, digits and '-'")
            String name,
            List<@Pattern(regexp = "[A-Za-z0-9]([A-Za-z0-9._-]{0,62})", message = "must be a DNS label") String> aliases) {

        public Network {
            aliases = aliases == null ? List.of() : aliases;
        }
    }

    /** Where replicas may run: one host, or every host whose labels hold all the constraints. */
    public record Placement(UUID hostId, Map<String, String> constraints) {

        public Placement {
            constraints = constraints == null ? Map.of() : constraints;
        }
    }
}
