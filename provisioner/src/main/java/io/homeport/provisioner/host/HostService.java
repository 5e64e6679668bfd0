package io.homeport.provisioner.host;

import io.homeport.api.hosts.HostRegistration;
import io.homeport.api.hosts.HostView;
import io.homeport.events.EventTypes;
import io.homeport.events.host.HostAdopted;
import io.homeport.platform.outbox.Outbox;
import io.homeport.platform.problem.ProblemException;
import io.homeport.platform.problem.ProblemType;
import io.homeport.provisioner.config.ProvisionerConfig;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** The host inventory: every change commits together with the event that announces it. */
@ApplicationScoped
public class HostService {

    private final Outbox outbox;
    private final ProvisionerConfig config;

    HostService(Outbox outbox, ProvisionerConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    @Transactional
    public HostView register(HostRegistration registration) {
        String name = registration.effectiveName();
        if (Host.count("name", name) > 0) {
            throw new ProblemException(ProblemType.CONFLICT, "A host named '" + name + "' already exists");
        }
        Host host = new Host();
        host.id = UUID.randomUUID();
        host.name = name;
        host.address = registration.address();
        host.port = registration.port();
        host.sshUser = registration.user();
        host.labels = registration.labels();
        host.state = HostState.NEW;
        host.origin = HostOrigin.REGISTERED;
        return enter(host);
    }

    /**
     * A host installed by hand whose agent enrolled: it enters the inventory READY (it has its agent, so nothing is
     * left to provision) under its hostname, made unique when another host holds it. Announced like any new host.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void adopt(HostAdopted adopted) {
        if (Host.findByIdOptional(adopted.hostId()).isPresent()) {
            return;
        }
        String base = HostRegistration.nameFor(adopted.hostname());
        String name = Host.count("name", base) == 0 ? base : base + "-" + adopted.hostId().toString().substring(0, 8);
        Host host = new Host();
        host.id = adopted.hostId();
        host.name = name;
        host.address = adopted.hostname();
        host.port = HostRegistration.DEFAULT_PORT;
        host.sshUser = HostRegistration.DEFAULT_USER;
        host.labels = adopted.labels();
        host.state = HostState.READY;
        host.origin = HostOrigin.ADOPTED;
        enter(host);
    }

    private HostView enter(Host host) {
        host.registeredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        host.persist();
        outbox.emit(EventTypes.HOST_REGISTERED, host.id.toString(), HostMapper.toRegistered(host));
        return HostMapper.toView(host);
    }

    public HostView get(UUID id) {
        return Host.<Host>findByIdOptional(id).map(HostMapper::toView)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No host with id " + id));
    }

    public List<HostView> list() {
        return Host.<Host>findAll(Sort.by("name")).page(0, config.listLimit()).list().stream()
                .map(HostMapper::toView).toList();
    }
}
