package io.homeport.gateway.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.homeport.api.events.EventPage;
import io.homeport.api.events.EventsApi;
import io.homeport.gateway.security.Roles;
import io.homeport.platform.problem.Problem;
import io.homeport.platform.problem.ProblemException;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The event log for every role: pages, and a live stream that resumes with {@code Last-Event-ID}. */
@SecurityRequirement(name = "bearer")
public class EventResource implements EventsApi {

    private final EventLog log;
    private final EventStream stream;
    private final ObjectMapper json;
    private final Sse sse;

    EventResource(EventLog log, EventStream stream, ObjectMapper json, Sse sse) {
        this.log = log;
        this.stream = stream;
        this.json = json;
        this.sse = sse;
    }

    @Override
    @Blocking
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    public EventPage list(List<String> type, List<String> subject, String after, String limit) {
        EventLog.Page page = log.read(EventFilter.of(type, subject, "type", "subject"), Long.parseLong(after),
                Integer.parseInt(limit)); // both checked by their patterns
        return new EventPage(page.events().stream().map(event -> event.view(json)).toList(), page.next());
    }

    /**
     * Server-sent events: {@code id} = the event's seq, {@code event} = its type, data = the CloudEvent JSON.
     * {@code Last-Event-ID} (or else {@code after}) resumes after that seq, replaying from the log; with neither, the
     * stream starts with the next event. Comments keep an idle connection open.
     */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking // the start position is read from the database before the stream starts
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    public Multi<OutboundSseEvent> stream(@QueryParam("type") List<String> type,
            @QueryParam("subject") List<String> subject, @QueryParam("after") String after,
            @HeaderParam("Last-Event-ID") String lastEventId) {
        EventFilter filter = EventFilter.of(type, subject, "type", "subject");
        long from;
        if (lastEventId != null && !lastEventId.isBlank()) {
            from = position(lastEventId, "Last-Event-ID");
        } else if (after != null && !after.isBlank()) {
            from = position(after, "after");
        } else {
            from = log.head();
        }
        return stream.follow(filter, from, sse);
    }

    private static long position(String value, String field) {
        try {
            long seq = Long.parseLong(value.strip());
            if (seq >= 0) {
                return seq;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new ProblemException(Problem.invalidField(field, "must be an event's seq (a whole number, 0 or more)"));
    }
}
