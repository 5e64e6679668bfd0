package io.homeport.provisioner.host;

import io.homeport.api.hosts.HostView;
import io.homeport.events.host.HostRegistered;

/** Translations of a {@link Host} into what leaves the service. */
final class HostMapper {

    static HostView toView(Host host) {
        return new HostView(host.id, host.name, host.address, host.port, host.sshUser, host.labels,
                host.state.name(), host.origin.name(), host.registeredAt);
    }

    static HostRegistered toRegistered(Host host) {
        return new HostRegistered(host.id, host.name, host.address, host.port, host.labels, host.registeredAt);
    }

    private HostMapper() {
    }
}
