package io.homeport.gateway.client;

import io.homeport.api.tunnels.RouteView;
import io.homeport.api.tunnels.TunnelView;
import io.homeport.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The gateway's one way to the tunnel-manager, with the same fault tolerance as {@link StorageManagerClient}: a
 * timeout and a circuit breaker per method (a problem the tunnel-manager answered with is the caller's answer and
 * trips nothing). Everything here is a read, so everything is retried.
 */
@ApplicationScoped
@Timeout(5_000)
@Retry(maxRetries = 2, delay = 200, abortOn = ProblemException.class)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5_000, skipOn = ProblemException.class)
public class TunnelManagerClient {

    private final TunnelManagerRestClient tunnels;

    TunnelManagerClient(@RestClient TunnelManagerRestClient tunnels) {
        this.tunnels = tunnels;
    }

    public List<TunnelView> tunnels() {
        return tunnels.tunnels();
    }

    /** @param hostname null for every route */
    public List<RouteView> routes(String hostname) {
        return tunnels.routes(hostname);
    }

    public List<RouteView> routesOf(String hostname) {
        return tunnels.routesOf(hostname);
    }
}
