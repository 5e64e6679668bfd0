package io.homeport.api.events;

import java.util.List;

/**
 * A page of the event log, oldest first.
 *
 * @param next the {@code after} of the next page: the last event's {@code seq}, or further when the log holds no
 *             more matching events up to there (so a filtered reader does not scan the same events again)
 */
public record EventPage(List<EventView> events, long next) {
}
