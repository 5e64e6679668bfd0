package io.homeport.agent.reconcile;

import io.homeport.agent.protocol.ContainerSpec;
import io.homeport.agent.protocol.SealedSecret;

/** One step that brings the host closer to its desired state. */
public sealed interface Action {

    /** The container (name) the action is about, for per-container outcomes. */
    String container();

    /** @param login the registry login sealed to this agent, null for an anonymous pull */
    record Pull(String container, String image, SealedSecret login) implements Action {

        public Pull(String container, String image) {
            this(container, image, null);
        }
    }

    record Create(String container, ContainerSpec spec) implements Action {
    }

    record Start(String container) implements Action {
    }

    /**
     * @param atOnce killed (SIGKILL) without the usual grace and without waiting for it to exit: another host may be
     *               writing its volume already (a stale lease), or may be about to (a host cut off from its fence)
     */
    record Stop(String container, String id, boolean atOnce) implements Action {

        public Stop(String container, String id) {
            this(container, id, false);
        }
    }

    record Remove(String container, String id) implements Action {
    }

    /**
     * A container held back because a volume it mounts has no valid lease: nothing is done to it beyond a
     * {@link Stop} planned before this; {@code reason} says which lease and what became of the container.
     */
    record Hold(String container, String reason) implements Action {
    }

    /** A start-first successor ({@code from}) takes its predecessor's name once the predecessor is gone. */
    record Rename(String container, String from) implements Action {
    }
}
