package io.homeport.provisioner.replacement;

import io.homeport.api.hosts.HostRegistration;
import io.homeport.api.hosts.HostView;
import io.homeport.api.hosts.ReplacementView;
import io.homeport.events.EventTypes;
import io.homeport.events.host.HostReplacementProgressed;
import io.homeport.platform.outbox.Outbox;
import io.homeport.platform.problem.ProblemException;
import io.homeport.platform.problem.ProblemType;
import io.homeport.provisioner.host.Host;
import io.homeport.provisioner.host.HostService;
import io.homeport.provisioner.host.HostState;
import io.homeport.provisioner.provisioning.ProvisioningService;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Replacement runs: a dead host replaced by a fresh server in one call. {@link #start} registers the server and
 * records the run; {@link ReplacementDriver} takes it through its phases, {@link ReplacementProgress} follows the
 * apps as the other services move them.
 */
@ApplicationScoped
public class ReplacementService {

    private static final Logger LOG = Logger.getLogger(ReplacementService.class);

    private final HostService hosts;
    private final ProvisioningService provisioning;
    private final Outbox outbox;

    ReplacementService(HostService hosts, ProvisioningService provisioning, Outbox outbox) {
        this.hosts = hosts;
        this.provisioning = provisioning;
        this.outbox = outbox;
    }

    /**
     * Registers {@code server} as a new host (with the old host's labels unless it names its own) and records a
     * RUNNING replacement of {@code hostId} by it, in phase provision.
     *
     * @throws ProblemException 404 unknown host; 409 when it is decommissioned, replaced, being provisioned or being
     *                          replaced, or the new server's name is taken; 422 when nothing can be provisioned
     *                          (no gateway URL for agents configured)
     */
    @Transactional
    public ReplacementView start(UUID hostId, HostRegistration server) {
        provisioning.gatewayUrl();
        Host old = Host.<Host>findByIdOptional(hostId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No host with id " + hostId));
        if (old.state == HostState.DECOMMISSIONED || old.state == HostState.REPLACED) {
            throw new ProblemException(ProblemType.CONFLICT, "Host " + old.name + " is " + old.state.name()
                    .toLowerCase() + ": there is nothing left to replace");
        }
        if (old.state == HostState.PROVISIONING) {
            throw new ProblemException(ProblemType.CONFLICT, "Host " + old.name
                    + " is being provisioned: cancel its run first");
        }
        Replacement running = Replacement.find("hostId = ?1 and state = ?2", hostId, ReplacementState.RUNNING)
                .firstResult();
        if (running != null) {
            throw new ProblemException(ProblemType.CONFLICT, "Host " + old.name + " is being replaced by run "
                    + running.id + ": follow it at /api/v1/hosts/" + hostId + "/replace/" + running.id);
        }
        HostView created = hosts.register(server.labels() != null ? server : new HostRegistration(server.name(),
                server.address(), server.port(), server.user(), old.labels, server.privateKey(),
                server.keyReference(), server.hostKeyFingerprint()));
        Replacement replacement = new Replacement();
        replacement.id = UUID.randomUUID();
        replacement.hostId = hostId;
        replacement.newHostId = created.id();
        replacement.state = ReplacementState.RUNNING;
        replacement.phase = ReplacementPhase.PROVISION;
        replacement.startedAt = now();
        replacement.persist();
        progress(replacement, "provisioning " + created.name() + " (" + created.address() + ") to replace "
                + old.name);
        LOG.infof("Replacement %s of host %s (%s) by %s (%s) started", replacement.id, old.name, hostId,
                created.name(), created.id());
        return ReplacementMapper.toView(replacement, List.of());
    }

    @Transactional
    public List<ReplacementView> list(UUID hostId) {
        hosts.find(hostId);
        return Replacement.<Replacement>list("hostId", Sort.descending("startedAt"), hostId).stream()
                .map(replacement -> ReplacementMapper.toView(replacement, apps(replacement.id))).toList();
    }

    @Transactional
    public ReplacementView get(UUID hostId, UUID replacementId) {
        Replacement replacement = Replacement.<Replacement>findByIdOptional(replacementId)
                .filter(found -> found.hostId.equals(hostId))
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "Host " + hostId
                        + " has no replacement run " + replacementId));
        return ReplacementMapper.toView(replacement, apps(replacementId));
    }

    static List<ReplacementApp> apps(UUID replacementId) {
        return ReplacementApp.list("replacementId", Sort.by("app"), replacementId);
    }

    /** Announces where the run is now (in the caller's transaction). */
    void progress(Replacement replacement, String detail) {
        outbox.emit(EventTypes.HOST_REPLACEMENT_PROGRESSED, replacement.hostId.toString(),
                new HostReplacementProgressed(replacement.id, replacement.hostId, replacement.newHostId,
                        replacement.phase.label(), replacement.state.name(), detail, now()));
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
