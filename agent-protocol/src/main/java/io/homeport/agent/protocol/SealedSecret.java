package io.homeport.agent.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A secret an app's container receives as an environment variable, as it travels in a desired state: its value
 * sealed to the one agent that will run the container ({@link SecretSealing}), so the control plane's events and
 * logs never hold it in the clear.
 *
 * @param env     the variable the container gets
 * @param name    the stored secret's name
 * @param version the stored secret's version: part of the spec hash, so a new value recreates the container
 * @param sealed  the value as a compact JWE to the host's sealing key; not part of the spec hash (every
 *                sealing differs), so null where the hash is computed
 */
public record SealedSecret(String env, String name, long version,
        @JsonInclude(JsonInclude.Include.NON_NULL) String sealed) {

    /** What identifies the value, without the value: for the spec hash. */
    public SealedSecret withoutValue() {
        return new SealedSecret(env, name, version, null);
    }
}
