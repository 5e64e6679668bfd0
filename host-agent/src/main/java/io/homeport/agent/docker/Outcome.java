package io.homeport.agent.docker;

import io.homeport.agent.reconcile.Action;
import java.util.List;
import java.util.stream.Collectors;

/** What came of one action, reported per container. */
public record Outcome(String container, String action, boolean succeeded, String message) {

    private static final String HOLD = "hold";
    private static final String KILL = "kill";

    static Outcome done(Action action) {
        return new Outcome(action.container(), name(action), true, null);
    }

    static Outcome failed(Action action, String message) {
        return new Outcome(action.container(), name(action), false, message);
    }

    static Outcome skipped(Action action) {
        return new Outcome(action.container(), name(action), false, "skipped: an earlier step for it failed");
    }

    /** A container held back for want of a valid lease: not done what the desired state asks, so not succeeded. */
    static Outcome held(Action.Hold hold) {
        return new Outcome(hold.container(), HOLD, false, hold.reason());
    }

    public boolean held() {
        return HOLD.equals(action);
    }

    /**
     * The summary of a pass the agent sends in its result: the count of steps and failures, then each failure, e.g.
     * "hp-notes-0: lease of notes/data is stale (fence holds epoch 2, this host 1): not started".
     */
    public static String summary(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return "in sync";
        }
        List<Outcome> failures = outcomes.stream().filter(o -> !o.succeeded()).toList();
        return outcomes.size() + " step(s), " + failures.size() + " failed"
                + failures.stream().map(o -> "; " + o.describe()).collect(Collectors.joining());
    }

    private String describe() {
        return held() ? container + ": " + message : container + " " + action + ": " + message;
    }

    /** The action's name: {@code pull}, {@code create}, {@code start}, {@code stop}, {@code kill} (a stop at once) ... */
    private static String name(Action action) {
        if (action instanceof Action.Stop stop && stop.atOnce()) {
            return KILL;
        }
        return action.getClass().getSimpleName().toLowerCase();
    }

    /** Whether this killed the container at once (its lease went stale or was cut off). */
    public boolean killed() {
        return KILL.equals(action) && succeeded;
    }
}
