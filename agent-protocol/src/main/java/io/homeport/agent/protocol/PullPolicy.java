package io.homeport.agent.protocol;

/** When the agent pulls a container's image before creating it. */
public enum PullPolicy {
    /** Pull only when the image is not on the host (the default). */
    MISSING,
    /** Pull every time the container is (re)created. */
    ALWAYS,
    /** Never pull: the image must already be on the host (locally built images). */
    NEVER
}
