package io.homeport.agent.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How a container runs beyond image, command, env, labels and ports: what an app spec adds. Every part is optional;
 * {@link #NONE} changes nothing (and leaves the spec hash of containers that use none of it as it was).
 *
 * @param entrypoint overrides the image's entrypoint when not empty
 * @param cpus       CPU limit (Docker {@code NanoCpus}), null for none
 * @param memoryMb   memory limit in MiB, null for none
 * @param network    a user-defined bridge network to join (created when missing), null for Docker's default
 * @param aliases    the names the container answers to on that network
 * @param mounts     host directories bound into the container (created when missing)
 * @param startFirst how a changed container is replaced: {@code false} stops the old one first (recreate);
 *                   {@code true} starts the new one beside it under {@link ContainerSpec#successorName()} and
 *                   removes the old one only once the new one is healthy (or running, without a health check).
 *                   Not part of what the container is, so changing it alone replaces nothing.
 * @param secrets    environment variables whose values are sealed to this host's agent; their names and versions
 *                   are part of the spec hash, their sealed values are not
 * @param registryAuth the registry login for pulling the image, sealed to this host's agent (its value is
 *                   {@code {"username": …, "password": …}}); null for anonymous pulls. Only pulls use it, so it is
 *                   not part of the spec hash
 */
public record ContainerOptions(List<String> entrypoint, HealthCheck healthCheck, Double cpus, Long memoryMb,
        String network, List<String> aliases, List<Mount> mounts,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean startFirst,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<SealedSecret> secrets,
        @JsonInclude(JsonInclude.Include.NON_NULL) SealedSecret registryAuth) {

    public static final ContainerOptions NONE = new ContainerOptions(null, null, null, null, null, null, null, false,
            null, null);

    public ContainerOptions {
        entrypoint = entrypoint == null ? List.of() : List.copyOf(entrypoint);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return equals(NONE);
    }

    /**
     * These options as far as they shape the container itself: without the way it is replaced, the pull login and
     * the secrets' sealed values (each sealing differs; a secret's version says when its value changed).
     */
    @JsonIgnore
    public ContainerOptions content() {
        return new ContainerOptions(entrypoint, healthCheck, cpus, memoryMb, network, aliases, mounts, false,
                secrets.stream().map(SealedSecret::withoutValue).toList(), null);
    }

    /** Docker's health check; {@code test} starts with {@code CMD} or {@code CMD-SHELL}. */
    public record HealthCheck(List<String> test, int intervalSeconds, int timeoutSeconds, int retries,
            int startPeriodSeconds) {

        public HealthCheck {
            test = List.copyOf(test);
        }
    }

    /**
     * A host directory ({@code source}, absolute) bound at {@code target}. {@code volume}: the {@link HostVolume#key()}
     * of the Homeport volume the directory is, whose lease the container needs; null for a plain directory.
     */
    public record Mount(String source, String target, boolean readOnly,
            @JsonInclude(JsonInclude.Include.NON_NULL) String volume) {

        /** A plain host directory, not a Homeport volume. */
        public Mount(String source, String target, boolean readOnly) {
            this(source, target, readOnly, null);
        }
    }
}
