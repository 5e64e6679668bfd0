package io.homeport.api.events;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
     * The events after position {@code after}, oldest first.
     *
     * @param type    exact types, or prefixes ending in {@code .} ({@code io.homeport.host.}); repeatable; any
     * @param subject exact subjects; repeatable; any
     */
    @GET
    EventPage list(@QueryParam("type") List<String> type, @QueryParam("subject") List<String> subject,
            @QueryParam("after") @DefaultValue("0") @Min(value = 0, message = "must be 0 or more") long after,
            @QueryParam("limit") @DefaultValue("100") @Min(value = 1, message = "must be between 1 and 1000")
            @Max(value = 1000, message = "must be between 1 and 1000") int limit);
}
