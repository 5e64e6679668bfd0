package io.homeport.api.events;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The event log, {@code /api/v1/events}: the user-facing events of every service (hosts, apps, deployments,
 * storage, tunnels, alerts), kept by the gateway for a retention period. A live stream of the same log, resumable
 * with {@code Last-Event-ID}, is served at {@code /api/v1/events/stream}.
 */
@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
public interface EventsApi {

    /**
     * The events after position {@code after}, oldest first. {@code after} and {@code limit} are numbers taken as
     * text, so that a malformed one is a 400 naming it rather than JAX-RS's 404.
     *
     * @param type    exact types, or prefixes ending in {@code .} ({@code io.homeport.host.}); repeatable; any
     * @param subject exact subjects; repeatable; any
     */
    @GET
    EventPage list(@QueryParam("type") List<String> type, @QueryParam("subject") List<String> subject,
            @QueryParam("after") @DefaultValue("0") @Pattern(regexp = "[0-9]{1,18}",
                    message = "must be an event's seq (a whole number, 0 or more)") String after,
            @QueryParam("limit") @DefaultValue("100") @Pattern(regexp = "0*([1-9][0-9]{0,2}|1000)",
                    message = "must be between 1 and 1000") String limit);
}
