package io.homeport.provisioner.host;

import io.homeport.api.hosts.HostView;
import io.homeport.events.host.HostRegistered;
import io.homeport.provisioner.liveness.HostLiveness;

/** Translations of a {@link Host} into what leaves the service. */
final class HostMapper {

    /** The host as users see it, with its liveness ({@code null}: no heartbeat yet, UNKNOWN). */
    static HostView toView(Host host, HostLiveness liveness) {
        return new HostView(host.id, host.name, host.address, host.port, host.sshUser, host.labels,
                host.state.name(), host.origin.name(), host.registeredAt, sshKey(host), host.hostKeyFingerprint,
                host.os, liveness == null ? "UNKNOWN" : liveness.status().name(),
                liveness == null ? null : liveness.lastHeartbeatAt());
    }

    static HostRegistered toRegistered(Host host) {
        return new HostRegistered(host.id, host.name, host.address, host.port, host.labels, host.registeredAt);
    }

    private static String sshKey(Host host) {
        return host.sshKey != null ? "KEY" : host.sshKeyReference != null ? "REFERENCE" : "NONE";
    }

    private HostMapper() {
    }
}
