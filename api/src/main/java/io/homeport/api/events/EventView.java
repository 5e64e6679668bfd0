package io.homeport.api.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * One event of the event log: the CloudEvent's attributes and data as the gateway received it from Kafka.
 *
 * @param seq its position in the log: pass it as {@code after} (or, on the stream, it is the SSE {@code id}) to go
 *            on from here
 */
public record EventView(long seq, String id, String type, String source, String subject, OffsetDateTime time,
        JsonNode data) {
}
