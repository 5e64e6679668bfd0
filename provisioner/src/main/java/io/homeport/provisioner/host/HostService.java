package io.homeport.provisioner.host;

import io.homeport.api.hosts.HostRegistration;
import io.homeport.api.hosts.HostView;
import io.homeport.events.EventTypes;
import io.homeport.events.host.HostAdopted;
import io.homeport.events.host.HostDecommissioned;
import io.homeport.platform.outbox.Outbox;
import io.homeport.platform.problem.Problem;
import io.homeport.platform.problem.ProblemException;
import io.homeport.platform.problem.ProblemType;
import io.homeport.provisioner.config.ProvisionerConfig;
import io.homeport.provisioner.liveness.HostLiveness;
import io.homeport.provisioner.liveness.LivenessService;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The host inventory: every change commits together with the event that announces it. */
@ApplicationScoped
public class HostService {

    private final Outbox outbox;
    private final ProvisionerConfig config;
    private final SshKeys sshKeys;
    private final LivenessService liveness;

    HostService(Outbox outbox, ProvisionerConfig config, SshKeys sshKeys, LivenessService liveness) {
        this.outbox = outbox;
        this.config = config;
        this.sshKeys = sshKeys;
        this.liveness = liveness;
    }

    @Transactional
    public HostView register(HostRegistration registration) {
        String name = registration.effectiveName();
        if (Host.count("name", name) > 0) {
            throw new ProblemException(ProblemType.CONFLICT, "A host named '" + name + "' already exists");
        }
        if (registration.privateKey() != null && registration.keyReference() != null) {
            throw new ProblemException(Problem.invalidField("keyReference", "give either privateKey or keyReference"));
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
        host.hostKeyFingerprint = registration.hostKeyFingerprint();
        if (registration.privateKey() != null) {
            sshKeys.seal(host, registration.privateKey());
        } else if (registration.keyReference() != null) {
            sshKeys.checkReference(registration.keyReference());
            host.sshKeyReference = registration.keyReference();
        }
        return enter(host);
    }

    /**
     * Takes a host out of service for good: it stays in the inventory as DECOMMISSIONED (its runs and events keep
     * pointing at it), its SSH key is erased, and {@code host.decommissioned} tells the gateway to revoke its agent.
     *
     * @throws ProblemException 409 while a provisioning run is going on the host
     */
    @Transactional
    public HostView decommission(UUID id) {
        Host host = find(id);
        if (host.state == HostState.DECOMMISSIONED) {
            return view(host);
        }
        if (host.state == HostState.PROVISIONING) {
            throw new ProblemException(ProblemType.CONFLICT, "Host " + host.name
                    + " is being provisioned: cancel the run first");
        }
        host.state = HostState.DECOMMISSIONED;
        host.decommissionedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        host.sshKey = null;
        host.sshKeyReference = null;
        outbox.emit(EventTypes.HOST_DECOMMISSIONED, host.id.toString(),
                new HostDecommissioned(host.id, host.name, host.decommissionedAt));
        return view(host);
    }

    /** The host with this id, for the provisioner's own features. */
    public Host find(UUID id) {
        return Host.<Host>findByIdOptional(id)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No host with id " + id));
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

    /**
     * Liveness's verdict on a host's agent: a READY host gone silent is LOST, a LOST host heard again is READY. Other
     * states are not liveness's to change, and an id outside the inventory changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void followLiveness(UUID hostId, boolean alive) {
        Host host = Host.findById(hostId, LockModeType.PESSIMISTIC_WRITE);
        if (host != null && host.state == (alive ? HostState.LOST : HostState.READY)) {
            host.state = alive ? HostState.READY : HostState.LOST;
        }
    }

    private HostView enter(Host host) {
        host.registeredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        host.persist();
        outbox.emit(EventTypes.HOST_REGISTERED, host.id.toString(), HostMapper.toRegistered(host));
        return view(host);
    }

    public HostView get(UUID id) {
        return view(find(id));
    }

    public List<HostView> list() {
        List<Host> hosts = Host.<Host>findAll(Sort.by("name")).page(0, config.listLimit()).list();
        Map<UUID, HostLiveness> heard = liveness.of(hosts.stream().map(host -> host.id).toList());
        return hosts.stream().map(host -> HostMapper.toView(host, heard.get(host.id))).toList();
    }

    private HostView view(Host host) {
        return HostMapper.toView(host, liveness.of(host.id).orElse(null));
    }
}
