package io.homeport.agent;

import java.util.concurrent.ThreadFactory;

/** The agent's background threads: named for thread dumps, and daemons, so none of them keeps the JVM alive. */
public final class DaemonThreads {

    /** A factory of daemon threads called {@code name}. */
    public static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private DaemonThreads() {
    }
}
