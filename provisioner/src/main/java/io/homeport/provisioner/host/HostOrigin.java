package io.homeport.provisioner.host;

/** How a host entered the inventory. */
public enum HostOrigin {
    /** Added through the API; Homeport provisions it over SSH. */
    REGISTERED,
    /** Installed by hand; its agent enrolled with a reusable enrollment key. */
    ADOPTED
}
