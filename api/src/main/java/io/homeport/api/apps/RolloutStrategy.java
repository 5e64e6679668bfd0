package io.homeport.api.apps;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a new revision replaces the running one. */
public enum RolloutStrategy {
    /** Stop the old container, then start the new one (a short gap; the only way for a fixed host port). */
    @JsonProperty("recreate") RECREATE,
    /** Start the new container, wait until it is healthy, then stop the old one (no gap). */
    @JsonProperty("start-first") START_FIRST
}
