package io.homeport.tunnel.connector;

import io.homeport.api.apps.AppSpec;
import io.homeport.api.apps.AppView;
import io.homeport.api.secrets.SecretValue;
import io.homeport.tunnel.cloudflare.TunnelToken;
import io.homeport.tunnel.config.TunnelConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Runs each host's cloudflared connector through the deployer, as the app {@link ConnectorSpecs#of} describes, and
 * where the timeouts and retries of those calls live.
 *
 * <p>{@link #ensure} is idempotent: it compares the app's current spec with the wanted one (which carries the token's
 * fingerprint) and deploys only on a difference. An unavailable deployer (5xx, 429, unreachable, slow) is asked
 * again a few times, then {@link DeployerUnavailableException}: requeue. A refusal is not retried:
 * {@link DeployerRefusedException}, naming the app and the deployer's detail. The token is never logged nor put in a
 * message.
 */
@ApplicationScoped
public class ConnectorDeployer {

    private static final Logger LOG = Logger.getLogger(ConnectorDeployer.class);
    private static final int NOT_FOUND = 404;
    private static final int CONFLICT = 409;

    private final DeployerAppsRestClient apps;
    private final DeployerSecretsRestClient secrets;
    private final TunnelConfig config;

    ConnectorDeployer(@RestClient DeployerAppsRestClient apps, @RestClient DeployerSecretsRestClient secrets,
            TunnelConfig config) {
        this.apps = apps;
        this.secrets = secrets;
        this.config = config;
    }

    /** What {@link #ensure} did. */
    public enum Outcome {
        /** The connector app already had the wanted spec: nothing was written. */
        UNCHANGED,
        /** The token was stored and the app created or given a new revision. */
        DEPLOYED,
        /**
         * The deployer is deploying the app already (409): its running deployment goes on, and the next reconcile
         * sees whether its spec is the wanted one.
         */
        BUSY
    }

    /**
     * Makes the deployer run {@code hostId}'s connector with {@code token}: stores the token as the secret
     * {@code cloudflared-<host>} and deploys the app of that name (created when absent, a new revision when its spec
     * differs), unless it runs with this spec already.
     *
     * @param hostName for messages only
     * @throws DeployerRefusedException    the deployer refused (bad spec, unknown host, …)
     * @throws DeployerUnavailableException the deployer still failed or could not be reached after the retries
     * @throws TimeoutException             every try took longer than 30 s
     */
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 3, delay = 1, delayUnit = ChronoUnit.SECONDS, jitter = 500,
            retryOn = {DeployerUnavailableException.class, TimeoutException.class})
    public Outcome ensure(UUID hostId, String hostName, TunnelToken token) {
        AppSpec wanted = ConnectorSpecs.of(hostId, config.connectorImage(), config.connectorNetwork(), token);
        String app = wanted.name();
        Optional<AppView> current = current(app, hostName);
        if (current.map(AppView::spec).filter(wanted::equals).isPresent()) {
            return Outcome.UNCHANGED;
        }
        call("store the tunnel token of host " + hostName + " as secret " + app,
                () -> secrets.put(app, new SecretValue(token.value())));
        try {
            if (current.isEmpty()) {
                call("create connector app " + app + " of host " + hostName, () -> apps.create(wanted));
            } else {
                call("deploy a new revision of connector app " + app + " of host " + hostName,
                        () -> apps.update(app, wanted));
            }
        } catch (DeployerRefusedException e) {
            if (e.status() != CONFLICT) {
                throw e;
            }
            LOG.infof("Connector app %s of host %s is being deployed already, so this spec waits for the next "
                    + "reconcile: %s", app, hostName, e.detail());
            return Outcome.BUSY;
        }
        LOG.infof("Deploying connector app %s of host %s (%s) with image %s", app, hostName, hostId, wanted.image());
        return Outcome.DEPLOYED;
    }

    private Optional<AppView> current(String app, String hostName) {
        try {
            return Optional.of(call("read connector app " + app + " of host " + hostName, () -> apps.get(app)));
        } catch (DeployerRefusedException e) {
            if (e.status() == NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Runs one request, naming {@code what} in whatever it throws. */
    private static <T> T call(String what, Supplier<T> request) {
        try {
            return request.get();
        } catch (DeployerRefusedException e) {
            throw e.during(what);
        } catch (DeployerUnavailableException e) {
            throw e.during(what);
        } catch (ProcessingException e) {
            throw new DeployerUnavailableException(what, "cannot be reached (" + e.getMessage() + ")", e);
        }
    }
}
