package io.homeport.provisioner.tailscale;

import java.time.Instant;

/**
 * A pre-authorized, tagged, single-use auth key a new host joins the tailnet with. {@code key} is a secret:
 * {@link #toString()} leaves it out, so the record can be logged.
 */
public record TailscaleAuthKey(String id, String key, Instant expires) {

    @Override
    public String toString() {
        return "TailscaleAuthKey[id=" + id + ", key=****, expires=" + expires + "]";
    }
}
