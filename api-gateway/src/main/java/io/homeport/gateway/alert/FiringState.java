package io.homeport.gateway.alert;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether a rule is firing for one thing it watches, and the pure decision of what an observation does to it: an
 * alert is raised when the condition begins, not again while it lasts, and again once it ended and began anew.
 *
 * @param raisedAt  when it was last raised, null when never
 * @param changedAt the time of the observation that last changed it: older observations (redelivered or out of
 *                  order) change nothing
 */
public record FiringState(boolean firing, Instant raisedAt, Instant changedAt) {

    public enum Decision {
        /** The condition began (or, for a rule with a re-fire interval, is still on after it): raise an alert. */
        RAISE,
        /** The condition ended: the next time it begins is a new alert. */
        CLEAR,
        /** Nothing changes. */
        NONE
    }

    /**
     * @param current     the state so far, null when the rule never fired for this thing
     * @param active      whether the observation shows the condition (a host lost, a disk above its threshold)
     * @param at          when the observation was made
     * @param refireAfter null: raise once while the condition lasts; otherwise raise at most once per this
     *                    interval, however long it lasts (crash loops)
     */
    public static Decision decide(FiringState current, boolean active, Instant at, Duration refireAfter) {
        if (current != null && current.changedAt() != null && !at.isAfter(current.changedAt())) {
            return Decision.NONE;
        }
        if (!active) {
            return current != null && current.firing() ? Decision.CLEAR : Decision.NONE;
        }
        if (current == null) {
            return Decision.RAISE;
        }
        if (refireAfter == null) {
            return current.firing() ? Decision.NONE : Decision.RAISE;
        }
        return current.raisedAt() == null || !current.raisedAt().isAfter(at.minus(refireAfter))
                ? Decision.RAISE : Decision.NONE;
    }

    /** The state after {@code decision}, taken on an observation made at {@code at}. */
    public FiringState after(Decision decision, Instant at) {
        return switch (decision) {
            case RAISE -> new FiringState(true, at, at);
            case CLEAR -> new FiringState(false, raisedAt, at);
            case NONE -> this;
        };
    }
}
