package io.homeport.gateway.enrollment;

import io.homeport.events.EventTypes;
import io.homeport.events.host.HostAdopted;
import io.homeport.events.host.HostDecommissioned;
import io.homeport.events.host.HostReplaced;
import io.homeport.events.host.HostEnrollmentKeyIssued;
import io.homeport.gateway.security.Validity;
import io.homeport.platform.outbox.Outbox;
import io.homeport.platform.problem.Problem;
import io.homeport.platform.problem.ProblemException;
import io.homeport.platform.problem.ProblemType;
import io.homeport.platform.secret.SecretTokens;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Enrollment keys and the agent credentials they are exchanged for. Keys and credentials are random secrets
 * shown once and stored hashed; an agent that enrolls with a reusable key is a host adopted into the inventory.
 */
@ApplicationScoped
public class EnrollmentService {

    private static final Logger LOG = Logger.getLogger(EnrollmentService.class);
    static final String KEY_PREFIX = "hpe_";
    static final String CREDENTIAL_PREFIX = "hpa_";
    private static final Duration DEFAULT_VALIDITY = Duration.ofHours(24);
    private static final Duration MAX_VALIDITY = Duration.ofDays(365);
    private static final int DEFAULT_REUSABLE_USES = 100;

    private final Outbox outbox;
    private final Clock clock;

    EnrollmentService(Outbox outbox) {
        this.outbox = outbox;
        this.clock = Clock.systemUTC();
    }

    @Transactional
    public EnrollmentKeyView create(EnrollmentKeyRequest request, String createdBy) {
        Duration validFor = Validity.parse("validFor", request.validFor(), DEFAULT_VALIDITY, MAX_VALIDITY);
        EnrollmentKey key = new EnrollmentKey();
        key.id = UUID.randomUUID();
        key.kind = request.kind();
        if (request.kind() == EnrollmentKeyKind.ONE_TIME) {
            if (request.hostId() == null) {
                throw invalid("hostId", "is required for a ONE_TIME key");
            }
            if (request.maxUses() != null && request.maxUses() != 1) {
                throw invalid("maxUses", "must be 1 (or left out) for a ONE_TIME key");
            }
            key.hostId = request.hostId();
            key.maxUses = 1;
        } else {
            if (request.hostId() != null) {
                throw invalid("hostId", "is not allowed for a REUSABLE key: each adopted host gets its own id");
            }
            key.maxUses = request.maxUses() == null ? DEFAULT_REUSABLE_USES : request.maxUses();
        }
        String secret = SecretTokens.generate(KEY_PREFIX);
        key.keyHash = SecretTokens.hash(secret);
        key.labels = request.labels();
        key.createdAt = now();
        key.expiresAt = key.createdAt.plus(validFor);
        key.createdBy = createdBy;
        key.persist();
        LOG.infof("Enrollment key %s (%s) created by %s, valid until %s", key.id, key.kind, createdBy, key.expiresAt);
        return EnrollmentKeyView.of(key, secret);
    }

    @Transactional
    public List<EnrollmentKeyView> list() {
        return EnrollmentKey.<EnrollmentKey>findAll(Sort.descending("createdAt")).list().stream()
                .map(key -> EnrollmentKeyView.of(key, null)).toList();
    }

    @Transactional
    public EnrollmentKeyView revoke(UUID id) {
        EnrollmentKey key = EnrollmentKey.<EnrollmentKey>findByIdOptional(id)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No enrollment key with id " + id));
        if (key.revokedAt == null) {
            key.revokedAt = now();
        }
        return EnrollmentKeyView.of(key, null);
    }

    /**
     * Accepts a one-time key the provisioner minted for a host it provisions (it sent the key's hash, the key went
     * to the host). Applied once per event by the caller; a key id seen before is left as it is.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void accept(HostEnrollmentKeyIssued issued) {
        if (EnrollmentKey.findByIdOptional(issued.keyId()).isPresent()) {
            return;
        }
        EnrollmentKey key = new EnrollmentKey();
        key.id = issued.keyId();
        key.kind = EnrollmentKeyKind.ONE_TIME;
        key.hostId = issued.hostId();
        key.keyHash = issued.keyHash();
        key.labels = Map.of();
        key.maxUses = 1;
        key.createdAt = now();
        key.expiresAt = issued.expiresAt();
        key.createdBy = "provisioner";
        key.persist();
        LOG.infof("Enrollment key %s for host %s accepted from the provisioner, valid until %s", key.id,
                key.hostId, key.expiresAt);
    }

    /** A decommissioned host's agent may never connect again: its credentials and unused keys are revoked. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void decommissioned(HostDecommissioned host) {
        retire(host.hostId(), "decommissioned");
    }

    /** Nor may a replaced host's: if it comes back, it is refused (and stops what it ran). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replaced(HostReplaced host) {
        retire(host.hostId(), "replaced by host " + host.replacedBy());
    }

    private void retire(UUID hostId, String why) {
        int credentials = revokeCredentials(hostId);
        AgentCredential.update("retired = true where hostId = ?1", hostId);
        int keys = EnrollmentKey.update("revokedAt = ?1 where hostId = ?2 and revokedAt is null", now(), hostId);
        LOG.infof("Host %s %s: %d agent credential(s) and %d enrollment key(s) revoked", hostId, why, credentials,
                keys);
    }

    /**
     * Exchanges an enrollment key for an agent credential.
     *
     * @throws ProblemException 401 naming why the key is refused: unknown, revoked, expired, already used
     */
    @Transactional
    public Enrollment enroll(EnrollmentRequest request) {
        EnrollmentKey key = EnrollmentKey.<EnrollmentKey>find("keyHash", SecretTokens.hash(request.enrollmentKey()))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseThrow(() -> refused("The enrollment key is not valid"));
        Instant now = now();
        if (key.revokedAt != null) {
            throw refused("The enrollment key was revoked at " + key.revokedAt);
        }
        if (!now.isBefore(key.expiresAt)) {
            throw refused("The enrollment key expired at " + key.expiresAt);
        }
        if (key.uses >= key.maxUses) {
            throw refused(key.kind == EnrollmentKeyKind.ONE_TIME ? "The enrollment key was already used"
                    : "The enrollment key is used up (" + key.maxUses + " of " + key.maxUses + " uses)");
        }
        key.uses++;
        UUID hostId = key.kind == EnrollmentKeyKind.ONE_TIME ? key.hostId : UUID.randomUUID();
        String credential = SecretTokens.generate(CREDENTIAL_PREFIX);
        AgentCredential stored = new AgentCredential();
        stored.id = UUID.randomUUID();
        stored.hostId = hostId;
        stored.credentialHash = SecretTokens.hash(credential);
        stored.keyId = key.id;
        stored.hostname = request.hostname();
        stored.createdAt = now;
        stored.persist();
        if (key.kind == EnrollmentKeyKind.REUSABLE) {
            outbox.emit(EventTypes.HOST_ADOPTED, hostId.toString(),
                    new HostAdopted(hostId, request.hostname(), key.labels, key.id, now));
        }
        LOG.infof("Agent on %s enrolled as host %s with enrollment key %s", request.hostname(), hostId, key.id);
        return new Enrollment(hostId, credential);
    }

    /** The host an agent credential belongs to, when it is valid. */
    @Transactional
    public Optional<UUID> hostOf(String credential) {
        return AgentCredential.<AgentCredential>find("credentialHash = ?1 and revokedAt is null",
                SecretTokens.hash(credential)).firstResultOptional().map(c -> c.hostId);
    }

    /** Whether this is the credential of a host that was replaced or decommissioned, not merely an unknown one. */
    @Transactional
    public boolean retired(String credential) {
        return AgentCredential.count("credentialHash = ?1 and retired = true", SecretTokens.hash(credential)) > 0;
    }

    /** Revokes every credential of a host; its agent must enroll again. */
    @Transactional
    public int revokeCredentials(UUID hostId) {
        return AgentCredential.update("revokedAt = ?1 where hostId = ?2 and revokedAt is null", now(), hostId);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.invalidField(field, message));
    }

    private static ProblemException refused(String reason) {
        return new ProblemException(ProblemType.UNAUTHORIZED, reason);
    }
}
