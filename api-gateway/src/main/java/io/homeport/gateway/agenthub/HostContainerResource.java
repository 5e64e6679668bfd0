package io.homeport.gateway.agenthub;

import io.homeport.agent.protocol.Commands;
import io.homeport.agent.protocol.Frame;
import io.homeport.gateway.security.Roles;
import io.homeport.platform.problem.Problem;
import io.homeport.platform.problem.ProblemException;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * A host's containers, asked of its agent through the hub: the last lines of a container's logs, and restarting
 * it. Only containers Homeport manages; the agent refuses others (409).
 */
@Path("/api/v1/hosts/{hostId}/containers/{name}")
@SecurityRequirement(name = "bearer")
public class HostContainerResource {

    private static final String CONTAINER_NAME = "[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}";
    private static final Duration LOGS_TIMEOUT = Duration.ofSeconds(40);

    private final AgentCommands commands;

    HostContainerResource(AgentCommands commands) {
        this.commands = commands;
    }

    @GET
    @Path("/logs")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    @Blocking // sending the frame waits for the socket; the answer itself is awaited without a thread
    @Operation(summary = "The container's last lines (stdout and stderr, timestamped)")
    public CompletionStage<String> logs(@PathParam("hostId") UUID hostId,
            @PathParam("name") @Pattern(regexp = CONTAINER_NAME, message = "is not a container name") String name,
            @QueryParam("tail") @DefaultValue("100") @Min(value = 1, message = "must be at least 1")
            @Max(value = Commands.MAX_TAIL, message = "must be at most " + Commands.MAX_TAIL) int tail) {
        return commands.run(hostId, Commands.logs(name, tail), LOGS_TIMEOUT).thenApply(HostContainerResource::output);
    }

    @POST
    @Path("/restart")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Blocking
    @Operation(summary = "Restarts the container, waiting up to timeout seconds for it to stop")
    public CompletionStage<CommandOutcome> restart(@PathParam("hostId") UUID hostId,
            @PathParam("name") @Pattern(regexp = CONTAINER_NAME, message = "is not a container name") String name,
            @QueryParam("timeout") @DefaultValue("10") @Min(value = 0, message = "must be at least 0")
            @Max(value = 300, message = "must be at most 300") int timeout) {
        return commands.run(hostId, Commands.restart(name, timeout), Duration.ofSeconds(timeout + 30L))
                .thenApply(result -> new CommandOutcome(result.commandId(), output(result)));
    }

    /** What a command printed, or the problem matching why it failed. */
    private static String output(Frame.Result result) {
        if (result.succeeded()) {
            return result.output();
        }
        int status = switch (result.failure() == null ? Frame.Failure.FAILED : result.failure()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case REFUSED -> 409;
            case FAILED -> 422;
            case UNSUPPORTED -> 501;
        };
        throw new ProblemException(Problem.ofStatus(status, result.output()));
    }

    /** The answer to a command that changes something. */
    public record CommandOutcome(UUID commandId, String output) {
    }
}
