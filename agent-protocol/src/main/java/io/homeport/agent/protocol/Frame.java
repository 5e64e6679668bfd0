package io.homeport.agent.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One WebSocket text frame between the gateway's agent hub and an agent: a JSON object whose {@code type} names
 * the frame. Agents send hello, report, heartbeat, progress and result; the hub sends desired and command.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Frame.Hello.class, name = "hello"),
    @JsonSubTypes.Type(value = Frame.Report.class, name = "report"),
    @JsonSubTypes.Type(value = Frame.Heartbeat.class, name = "heartbeat"),
    @JsonSubTypes.Type(value = Frame.Result.class, name = "result"),
    @JsonSubTypes.Type(value = Frame.Progress.class, name = "progress"),
    @JsonSubTypes.Type(value = Frame.Desired.class, name = "desired"),
    @JsonSubTypes.Type(value = Frame.Command.class, name = "command")
})
public sealed interface Frame {

    /**
     * First frame of every connection. {@code protocolVersion} must be one the hub speaks. {@code sealingKey}: the
     * public JWK secrets for this host are sealed to ({@link SecretSealing}); null from an agent that has none.
     */
    record Hello(int protocolVersion, String agentVersion, UUID hostId, HostFacts facts, String sealingKey)
            implements Frame {
    }

    /**
     * A full snapshot ({@code full}) on connect and periodically, or a delta from Docker events in between. A full
     * one also says how the host's mount ({@code mounts}), the volumes of its desired state ({@code volumes}) and
     * its file systems ({@code disks}, from Netdata; empty when Netdata does not answer) are doing; a delta leaves
     * all three empty.
     */
    record Report(boolean full, List<ContainerState> containers, Instant at, List<MountHealth> mounts,
            List<VolumeState> volumes, List<DiskUsage> disks) implements Frame {

        public Report {
            containers = containers == null ? List.of() : containers;
            mounts = mounts == null ? List.of() : List.copyOf(mounts);
            volumes = volumes == null ? List.of() : List.copyOf(volumes);
            disks = disks == null ? List.of() : List.copyOf(disks);
        }

        /** A report without disk usage. */
        public Report(boolean full, List<ContainerState> containers, Instant at, List<MountHealth> mounts,
                List<VolumeState> volumes) {
            this(full, containers, at, mounts, volumes, List.of());
        }

        /** A report of containers alone. */
        public Report(boolean full, List<ContainerState> containers, Instant at) {
            this(full, containers, at, List.of(), List.of(), List.of());
        }
    }

    record Heartbeat(Instant at) implements Frame {
    }

    /**
     * The outcome of a command, or of applying a desired state ({@code commandId} null, {@code revision} set).
     * {@code failure} says why a failed one failed (null when it succeeded).
     */
    record Result(UUID commandId, Long revision, boolean succeeded, String output, Failure failure)
            implements Frame {

        public static Result succeeded(UUID commandId, String output) {
            return new Result(commandId, null, true, output, null);
        }

        public static Result failed(UUID commandId, Failure failure, String reason) {
            return new Result(commandId, null, false, reason, failure);
        }
    }

    /** Why a command failed: the hub answers the caller with the matching HTTP status. */
    enum Failure {
        /** The arguments are wrong (400). */
        INVALID,
        /** The container or path named does not exist (404). */
        NOT_FOUND,
        /** The agent will not do it, e.g. the container is not Homeport's (409). */
        REFUSED,
        /** It was tried and went wrong (422). */
        FAILED,
        /** The agent does not know this kind of command (an older agent; 501). */
        UNSUPPORTED
    }

    /**
     * How far a long command has got, sent about once a second while it runs. {@code percent}, {@code bytes} and
     * {@code totalBytes} are null when unknown.
     */
    record Progress(UUID commandId, Integer percent, Long bytes, Long totalBytes, String message)
            implements Frame {
    }

    /**
     * The host's whole desired state; a later revision replaces it entirely. {@code volumes} are the volumes whose
     * writable lease this host holds: a container mounting a volume that is not among them, or whose lease is stale,
     * is not started (and is stopped if it runs).
     */
    record Desired(long revision, List<ContainerSpec> containers, List<HostVolume> volumes) implements Frame {

        public Desired {
            containers = containers == null ? List.of() : containers;
            volumes = volumes == null ? List.of() : List.copyOf(volumes);
        }

        /** A desired state without volumes. */
        public Desired(long revision, List<ContainerSpec> containers) {
            this(revision, containers, List.of());
        }
    }

    /** One-shot work: {@code kind} is logs, restart, rclone, ... with its arguments. */
    record Command(UUID id, String kind, Map<String, String> args) implements Frame {
    }
}
