package io.homeport.gateway.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the crash-loop rule knows of one container: the restart count its agent last reported, when, and the
 * restarts seen within the rule's window. Restarts are the increases of the count; a count that went down is a new
 * start (the agent restarted, or the container was recreated), not a restart.
 *
 * @param restarts one instant per restart (the time of the report that showed it), oldest first
 */
public record RestartHistory(int lastCount, Instant seenAt, List<Instant> restarts) {

    /** Never more restarts kept than this: a container that restarts by the thousand needs no more to alert on. */
    static final int MAX_KEPT = 100;

    public RestartHistory {
        restarts = List.copyOf(restarts);
    }

    /** The first count seen for a container: its restarts so far happened at times unknown, and do not count. */
    public static RestartHistory baseline(int count, Instant at) {
        return new RestartHistory(count, at, List.of());
    }

    /**
     * The history after a report of {@code count} at {@code at}, keeping only restarts within {@code window} before
     * it. A report no later than the last one seen (redelivered, or out of order) changes nothing.
     */
    public RestartHistory observe(int count, Instant at, Duration window) {
        if (!at.isAfter(seenAt)) {
            return this;
        }
        Instant since = at.minus(window);
        List<Instant> kept = new ArrayList<>(restarts.stream().filter(restart -> restart.isAfter(since)).toList());
        if (count > lastCount) {
            kept.addAll(Collections.nCopies(count - lastCount, at));
        }
        if (kept.size() > MAX_KEPT) {
            kept = kept.subList(kept.size() - MAX_KEPT, kept.size());
        }
        return new RestartHistory(count, at, kept);
    }

    /** Restarts within {@code window} before {@code at}. */
    public int restartsWithin(Duration window, Instant at) {
        Instant since = at.minus(window);
        return (int) restarts.stream().filter(restart -> restart.isAfter(since) && !restart.isAfter(at)).count();
    }
}
