package io.homeport.api.apps;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What happens to an app when its host is lost. */
public enum FailoverPolicy {
    /** Re-placed on another host automatically. */
    @JsonProperty("auto") AUTO,
    /** Moved when an operator evacuates the host. */
    @JsonProperty("manual") MANUAL,
    /** Stays with its host. */
    @JsonProperty("none") NONE
}
