package io.homeport.gateway.event;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A live stream of the event log. It always reads the table, never the Kafka records: replaying from a
 * {@code Last-Event-ID} and following live are one loop over {@code seq}, so nothing falls in a gap between the two
 * and nothing comes twice ({@link EventLog} keeps commits in {@code seq} order).
 */
@ApplicationScoped
public class EventStream {

    static final int BATCH = 500;
    private static final int PAGES_PER_POLL = 10;

    private final EventLog log;
    private final EventsConfig config;

    EventStream(EventLog log, EventsConfig config) {
        this.log = log;
        this.config = config;
    }

    /**
     * Events after {@code after} matching {@code filter}: SSE {@code id} = seq, {@code event} = the CloudEvent type,
     * data = the CloudEvent JSON; a comment when nothing was sent for the keep-alive interval.
     */
    public Multi<OutboundSseEvent> follow(EventFilter filter, long after, Sse sse) {
        AtomicLong cursor = new AtomicLong(after);
        AtomicLong lastSent = new AtomicLong(System.nanoTime());
        Duration keepAlive = config.keepAlive();
        return Multi.createFrom().ticks().startingAfter(Duration.ofMillis(1)).every(config.streamPoll())
                .onOverflow().drop()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .onItem().transformToIterable(tick -> {
                    List<OutboundSseEvent> events = new ArrayList<>();
                    for (int page = 0; page < PAGES_PER_POLL; page++) {
                        EventLog.Page read = log.read(filter, cursor.get(), BATCH);
                        read.events().forEach(event -> events.add(sse.newEventBuilder()
                                .id(Long.toString(event.seq())).name(event.type())
                                .mediaType(MediaType.TEXT_PLAIN_TYPE) // already JSON: sent as is
                                .data(new String(event.cloudEventJson(), StandardCharsets.UTF_8)).build()));
                        cursor.set(read.next());
                        if (read.events().size() < BATCH) {
                            break;
                        }
                    }
                    long now = System.nanoTime();
                    if (!events.isEmpty()) {
                        lastSent.set(now);
                    } else if (now - lastSent.get() >= keepAlive.toNanos()) {
                        lastSent.set(now);
                        events.add(sse.newEventBuilder().comment("keep-alive").build());
                    }
                    return events;
                });
    }
}
