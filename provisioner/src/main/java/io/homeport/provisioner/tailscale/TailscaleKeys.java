package io.homeport.provisioner.tailscale;

import io.homeport.platform.http.RetryAfterBackoff;
import io.homeport.provisioner.config.ProvisionerConfig;
import io.homeport.provisioner.tailscale.TailscaleRestClient.AccessToken;
import io.homeport.provisioner.tailscale.TailscaleRestClient.Capabilities;
import io.homeport.provisioner.tailscale.TailscaleRestClient.CreatedKey;
import io.homeport.provisioner.tailscale.TailscaleRestClient.DeviceCreation;
import io.homeport.provisioner.tailscale.TailscaleRestClient.Devices;
import io.homeport.provisioner.tailscale.TailscaleRestClient.KeyRequest;
import io.quarkus.runtime.Startup;
import io.smallrye.faulttolerance.api.CustomBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.jboss.logging.Logger;

/**
 * Mints the auth key a new host joins the tailnet with: pre-authorized, tagged, single use, short lived. The one
 * way to the Tailscale API, and where its timeouts, retries and circuit breaker live.
 *
 * <p>Credentials: an OAuth client (its access token is fetched once and reused until shortly before it expires)
 * or else an API access token. With neither, Tailscale is not used: {@link #configured()} is false.
 */
@Startup
@ApplicationScoped
public class TailscaleKeys {

    static final Duration MAX_KEY_EXPIRY = Duration.ofDays(90);
    private static final Duration TOKEN_REFRESH_MARGIN = Duration.ofMinutes(1);
    private static final int MAX_DESCRIPTION = 50;
    private static final Logger LOG = Logger.getLogger(TailscaleKeys.class);

    private final ProvisionerConfig.Tailscale config;
    private final Optional<OAuthClient> oauthClient;
    private final TailscaleRestClient rest;
    private final Clock clock = Clock.systemUTC();

    private String accessToken;
    private Instant accessTokenRenewAt = Instant.MIN;

    private record OAuthClient(String id, String secret) {
        @Override
        public String toString() {
            return "OAuthClient[id=" + id + ", secret=****]";
        }
    }

    TailscaleKeys(ProvisionerConfig provisionerConfig) {
        this.config = provisionerConfig.tailscale();
        this.oauthClient = oauthClient(config);
        Duration expiry = config.keyExpiry();
        if (expiry.compareTo(Duration.ofSeconds(1)) < 0 || expiry.compareTo(MAX_KEY_EXPIRY) > 0) {
            throw new IllegalArgumentException("homeport.provisioner.tailscale.key-expiry must be between 1s and "
                    + MAX_KEY_EXPIRY.toDays() + " days, was " + expiry);
        }
        long timeoutMs = config.timeout().toMillis();
        this.rest = RestClientBuilder.newBuilder()
                .baseUri(config.apiUrl())
                .connectTimeout(timeoutMs, TimeUnit.MILLISECONDS)
                .readTimeout(timeoutMs, TimeUnit.MILLISECONDS)
                .register(TailscaleErrorMapper.class)
                .build(TailscaleRestClient.class);
        if (configured()) {
            LOG.infof("Tailscale auth keys come from %s (tailnet %s) with %s, tags %s",
                    config.apiUrl(), config.tailnet(), oauthClient.isPresent() ? "an OAuth client" : "an API key",
                    config.tags());
        } else {
            LOG.info("Tailscale is not configured; hosts are provisioned without joining a tailnet");
        }
    }

    private static Optional<OAuthClient> oauthClient(ProvisionerConfig.Tailscale config) {
        if (config.oauthClientId().isPresent() != config.oauthClientSecret().isPresent()) {
            throw new IllegalArgumentException("homeport.provisioner.tailscale.oauth-client-id and oauth-client-secret "
                    + "go together: one of them is missing");
        }
        return config.oauthClientId().map(id -> new OAuthClient(id, config.oauthClientSecret().orElseThrow()));
    }

    /** Whether Tailscale is used at all: an API key or an OAuth client is configured. */
    public boolean configured() {
        return oauthClient.isPresent() || config.apiKey().isPresent();
    }

    /**
     * A new auth key for {@code hostname} (named in the key's description). Rate limits, server errors and
     * unreachable API are retried with backoff (honouring {@code Retry-After}); a refusal is not.
     *
     * @throws TailscaleNotConfiguredException when {@link #configured()} is false
     * @throws TailscaleRefusedException on a 4xx answer other than 429 (bad credentials, tags not permitted, …)
     * @throws TailscaleUnavailableException when Tailscale still fails after the retries
     */
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 3, delay = 500, maxDuration = 90, durationUnit = ChronoUnit.SECONDS,
            retryOn = {TailscaleUnavailableException.class, TimeoutException.class})
    @CustomBackoff(RetryAfterBackoff.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30_000,
            skipOn = {TailscaleRefusedException.class, TailscaleNotConfiguredException.class})
    public TailscaleAuthKey mint(String hostname) {
        if (!configured()) {
            throw new TailscaleNotConfiguredException();
        }
        try {
            CreatedKey created = rest.createKey(authorization(), config.tailnet(), keyRequest(hostname));
            LOG.infof("Minted Tailscale auth key %s for %s, expires %s", created.id(), hostname, created.expires());
            return new TailscaleAuthKey(created.id(), created.key(), created.expires());
        } catch (TailscaleRefusedException e) {
            throw withCredentialHint(e);
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    KeyRequest keyRequest(String hostname) {
        DeviceCreation creation = new DeviceCreation(false, false, true, List.copyOf(config.tags()));
        return new KeyRequest(new Capabilities(new Devices(creation)), config.keyExpiry().toSeconds(),
                description(hostname));
    }

    /** Tailscale takes at most 50 letters, digits, dashes and spaces. */
    static String description(String hostname) {
        String text = "homeport " + hostname.strip().replaceAll("[^A-Za-z0-9 -]", "-");
        return text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION);
    }

    private String authorization() {
        if (oauthClient.isPresent()) {
            return "Bearer " + accessToken(oauthClient.get());
        }
        String basic = config.apiKey().orElseThrow() + ":";
        return "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8));
    }

    private synchronized String accessToken(OAuthClient client) {
        Instant now = clock.instant();
        if (accessToken == null || !now.isBefore(accessTokenRenewAt)) {
            AccessToken token = rest.token(client.id(), client.secret(), "client_credentials");
            if (token.accessToken() == null || token.accessToken().isBlank()) {
                throw new TailscaleUnavailableException(200, "Tailscale's OAuth token endpoint answered without an "
                        + "access_token", null);
            }
            Duration lifetime = Duration.ofSeconds(Math.max(0, token.expiresIn()));
            Duration margin = lifetime.dividedBy(4).compareTo(TOKEN_REFRESH_MARGIN) < 0
                    ? lifetime.dividedBy(4) : TOKEN_REFRESH_MARGIN;
            accessToken = token.accessToken();
            accessTokenRenewAt = now.plus(lifetime).minus(margin);
        }
        return accessToken;
    }

    private synchronized void forgetAccessToken() {
        accessToken = null;
    }

    private TailscaleRefusedException withCredentialHint(TailscaleRefusedException e) {
        if (e.status() != 401 && e.status() != 403) {
            return e;
        }
        forgetAccessToken();
        String credential = oauthClient.isPresent()
                ? "homeport.provisioner.tailscale.oauth-client-id and oauth-client-secret (an OAuth client with the "
                        + "auth_keys scope, owning the tags " + config.tags() + ")"
                : "homeport.provisioner.tailscale.api-key (an API access token of tailnet " + config.tailnet() + ")";
        return new TailscaleRefusedException(e.status(), e.getMessage() + "; check " + credential);
    }

    private TailscaleException unreachable(ProcessingException e) {
        if (e.getCause() instanceof TailscaleException cause) {
            return cause;
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return new TailscaleUnavailableException("Tailscale API at " + config.apiUrl() + " could not be reached: "
                + root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage()), e);
    }
}
