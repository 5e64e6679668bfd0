package io.homeport.gateway.client;

import io.homeport.api.hosts.HostRegistration;
import io.homeport.api.hosts.HostView;
import io.homeport.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The gateway's one way to the provisioner: timeouts everywhere, retries only where a call is safe to repeat,
 * and a circuit breaker so a failing provisioner is not hammered. A problem the provisioner answered with is the
 * caller's answer, so it neither trips the breaker nor is retried.
 */
@ApplicationScoped
public class ProvisionerClient {

    private final ProvisionerRestClient rest;

    ProvisionerClient(@RestClient ProvisionerRestClient rest) {
        this.rest = rest;
    }

    /** Not retried: a registration that timed out may have been applied. */
    @Timeout(10_000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5_000, skipOn = ProblemException.class)
    public RestResponse<HostView> register(HostRegistration registration) {
        return rest.register(registration);
    }

    @Timeout(5_000)
    @Retry(maxRetries = 2, delay = 200, abortOn = ProblemException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5_000, skipOn = ProblemException.class)
    public HostView get(UUID id) {
        return rest.get(id);
    }

    @Timeout(5_000)
    @Retry(maxRetries = 2, delay = 200, abortOn = ProblemException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5_000, skipOn = ProblemException.class)
    public List<HostView> list() {
        return rest.list();
    }
}
