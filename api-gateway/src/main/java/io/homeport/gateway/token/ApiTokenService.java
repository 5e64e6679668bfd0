package io.homeport.gateway.token;

import io.homeport.gateway.config.GatewayConfig;
import io.homeport.gateway.security.Validity;
import io.homeport.platform.problem.ProblemException;
import io.homeport.platform.problem.ProblemType;
import io.homeport.platform.secret.SecretTokens;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * API tokens for automation: random secrets shown once and stored hashed, each with one role and an expiry. The
 * gateway authenticates a request bearing one through {@link ApiTokenIdentityProvider}.
 */
@ApplicationScoped
public class ApiTokenService {

    static final String PREFIX = "hpt_";
    /** {@code lastUsedAt} is written at most this often per token, not on every request. */
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(ApiTokenService.class);

    private final GatewayConfig.ApiTokens config;
    /** When this replica last wrote each token's {@code lastUsedAt}. */
    private final Map<UUID, Instant> lastUseWritten = new ConcurrentHashMap<>();

    ApiTokenService(GatewayConfig config) {
        this.config = config.apiTokens();
    }

    @Transactional
    public ApiTokenView create(ApiTokenRequest request, String createdBy) {
        Duration validFor = Validity.parse("validFor", request.validFor(), config.defaultValidity(),
                config.maxValidity());
        if (ApiToken.count("name = ?1 and revokedAt is null", request.name()) > 0) {
            throw new ProblemException(ProblemType.CONFLICT, "A live API token is already named " + request.name()
                    + "; revoke it first or choose another name");
        }
        ApiToken token = new ApiToken();
        token.id = UUID.randomUUID();
        token.name = request.name();
        token.role = request.role();
        String secret = SecretTokens.generate(PREFIX);
        token.tokenHash = SecretTokens.hash(secret);
        token.createdBy = createdBy;
        token.createdAt = now();
        token.expiresAt = token.createdAt.plus(validFor);
        token.persist();
        LOG.infof("API token %s (%s, role %s) created by %s, valid until %s", token.id, token.name, token.role,
                createdBy, token.expiresAt);
        return ApiTokenView.of(token, secret);
    }

    @Transactional
    public List<ApiTokenView> list() {
        return ApiToken.<ApiToken>findAll(Sort.descending("createdAt")).list().stream()
                .map(token -> ApiTokenView.of(token, null)).toList();
    }

    @Transactional
    public ApiTokenView get(UUID id) {
        return ApiTokenView.of(find(id), null);
    }

    @Transactional
    public ApiTokenView revoke(UUID id, String revokedBy) {
        ApiToken token = find(id);
        if (token.revokedAt == null) {
            token.revokedAt = now();
            LOG.infof("API token %s (%s) revoked by %s", token.id, token.name, revokedBy);
        }
        return ApiTokenView.of(token, null);
    }

    /**
     * The token a bearer secret stands for, when it may be used now; notes its use.
     *
     * @throws ApiTokenRefusedException naming why: not valid, revoked at T, expired at T
     */
    @Transactional
    public ApiTokenView authenticate(String secret) {
        ApiToken token = ApiToken.<ApiToken>find("tokenHash", SecretTokens.hash(secret)).firstResultOptional()
                .orElseThrow(() -> new ApiTokenRefusedException("The API token is not valid"));
        Instant now = now();
        if (token.revokedAt != null) {
            throw new ApiTokenRefusedException("The API token was revoked at " + token.revokedAt);
        }
        if (!now.isBefore(token.expiresAt)) {
            throw new ApiTokenRefusedException("The API token expired at " + token.expiresAt);
        }
        Instant written = lastUseWritten.get(token.id);
        if (written == null || !now.isBefore(written.plus(LAST_USED_RESOLUTION))) {
            lastUseWritten.put(token.id, now);
            token.lastUsedAt = now;
        }
        return ApiTokenView.of(token, null);
    }

    private static ApiToken find(UUID id) {
        return ApiToken.<ApiToken>findByIdOptional(id)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No API token with id " + id));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
