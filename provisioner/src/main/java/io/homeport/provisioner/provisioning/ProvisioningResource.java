package io.homeport.provisioner.provisioning;

import io.homeport.api.hosts.ProvisioningApi;
import io.homeport.api.hosts.ProvisioningRunView;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.resteasy.reactive.RestResponse;

/** Provisioning runs behind the gateway, and their live progress as server-sent events. */
public class ProvisioningResource implements ProvisioningApi {

    /** How often a progress stream looks for new steps: steps come seconds apart, so a look is cheap and enough. */
    private static final Duration POLL = Duration.ofMillis(250);
    /** A comment this often while a long task runs keeps proxies and clients from taking the stream for dead. */
    private static final int KEEP_ALIVE_POLLS = 60;

    private final ProvisioningService provisioning;
    private final UriInfo uri;
    private final Sse sse;

    ProvisioningResource(ProvisioningService provisioning, UriInfo uri, Sse sse) {
        this.provisioning = provisioning;
        this.uri = uri;
        this.sse = sse;
    }

    @Override
    public RestResponse<ProvisioningRunView> start(UUID hostId) {
        ProvisioningRunView run = provisioning.start(hostId);
        return RestResponse.ResponseBuilder.<ProvisioningRunView>accepted().entity(run)
                .location(uri.getAbsolutePathBuilder().path(run.id().toString()).build()).build();
    }

    @Override
    public List<ProvisioningRunView> list(UUID hostId) {
        return provisioning.list(hostId);
    }

    @Override
    public ProvisioningRunView get(UUID hostId, UUID runId) {
        return provisioning.get(hostId, runId);
    }

    @Override
    public RestResponse<ProvisioningRunView> cancel(UUID hostId, UUID runId) {
        return RestResponse.accepted(provisioning.cancel(hostId, runId));
    }

    /**
     * The run's steps as they finish, one {@code step} event each (id = the step's number, so a client that
     * reconnects with {@code Last-Event-ID} misses none and sees none twice), then one {@code end} event with the
     * run, and the stream closes. A finished run replays its steps and ends at once.
     */
    @GET
    @Path("/{runId}/steps")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking // the 404 check reads the database before the stream starts
    public Multi<OutboundSseEvent> follow(@PathParam("hostId") UUID hostId, @PathParam("runId") UUID runId,
            @HeaderParam("Last-Event-ID") String lastEventId) {
        provisioning.find(hostId, runId); // 404 before the stream starts
        AtomicInteger after = new AtomicInteger(lastStep(lastEventId));
        AtomicInteger quietPolls = new AtomicInteger();
        AtomicBoolean ended = new AtomicBoolean();
        OutboundSseEvent closed = sse.newEvent("closed");
        return Multi.createFrom().ticks().startingAfter(Duration.ofMillis(1)).every(POLL)
                .onOverflow().drop()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .onItem().transformToIterable(tick -> {
                    if (ended.get()) {
                        return List.of(closed);
                    }
                    ProvisioningService.Progress progress = provisioning.progress(hostId, runId, after.get());
                    ProvisioningRun run = progress.run();
                    List<OutboundSseEvent> events = new ArrayList<>();
                    for (ProvisioningStep step : progress.steps()) {
                        events.add(sse.newEventBuilder().id(Integer.toString(step.n)).name("step")
                                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(RunMapper.toView(step)).build());
                        after.set(step.n);
                    }
                    if (run.state != RunState.RUNNING) {
                        ended.set(true);
                        events.add(sse.newEventBuilder().name("end").mediaType(MediaType.APPLICATION_JSON_TYPE)
                                .data(RunMapper.toView(run, null)).build());
                    }
                    if (!events.isEmpty()) {
                        quietPolls.set(0);
                    } else if (quietPolls.incrementAndGet() >= KEEP_ALIVE_POLLS) {
                        quietPolls.set(0);
                        events.add(sse.newEventBuilder().comment("step " + (after.get() + 1) + " is running").build());
                    }
                    return events;
                })
                .select().first(event -> event != closed);
    }

    private static int lastStep(String lastEventId) {
        try {
            return lastEventId == null ? 0 : Math.max(0, Integer.parseInt(lastEventId.strip()));
        } catch (NumberFormatException notOurs) {
            return 0;
        }
    }
}
