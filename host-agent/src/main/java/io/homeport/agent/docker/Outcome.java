package io.homeport.agent.docker;

import io.homeport.agent.reconcile.Action;

/** What came of one action, reported per container. */
public record Outcome(String container, String action, boolean succeeded, String message) {

    static Outcome done(Action action) {
        return new Outcome(action.container(), name(action), true, null);
    }

    static Outcome failed(Action action, String message) {
        return new Outcome(action.container(), name(action), false, message);
    }

    static Outcome skipped(Action action) {
        return new Outcome(action.container(), name(action), false, "skipped: an earlier step for it failed");
    }

    private static String name(Action action) {
        return action.getClass().getSimpleName().toLowerCase();
    }
}
