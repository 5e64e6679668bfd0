package io.homeport.gateway.client;

import io.homeport.api.hosts.HostRegistration;
import io.homeport.api.hosts.HostView;
import io.homeport.api.hosts.PreflightView;
import io.homeport.api.hosts.ProvisioningRunView;
import io.homeport.api.hosts.ReplacementView;
import io.smallrye.mutiny.Multi;
import io.homeport.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.client.SseEvent;

/**
 * The gateway's one way to the provisioner: timeouts everywhere, retries only where a call is safe to repeat,
 * and a circuit breaker so a failing provisioner is not hammered. A problem the provisioner answered with is the
 * caller's answer, so it neither trips the breaker nor is retried.
 */
@ApplicationScoped
public class ProvisionerClient {

    private final ProvisionerRestClient rest;
    private final ProvisioningRestClient provisioning;
    private final ProvisionerReplacementRestClient replacements;

    ProvisionerClient(@RestClient ProvisionerRestClient rest, @RestClient ProvisioningRestClient provisioning,
            @RestClient ProvisionerReplacementRestClient replacements) {
        this.rest = rest;
        this.provisioning = provisioning;
        this.replacements = replacements;
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

    /** Not retried: repeating it is the caller's decision (it answers the same once done). */
    @Timeout(10_000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5_000, skipOn = ProblemException.class)
    public HostView decommission(UUID id) {
        return rest.decommission(id);
    }

    /** Waits on SSH (connect timeout 10 s, then a few commands), so it gets a longer timeout; never retried. */
    @Timeout(60_000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5_000, skipOn = ProblemException.class)
    public PreflightView preflight(UUID id) {
        return rest.preflight(id);
    }

    /** Preflight and, when it passes, the playbook's start: the longer timeout; never retried. */
    @Timeout(60_000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5_000, skipOn = ProblemException.class)
    public RestResponse<ProvisioningRunView> startProvisioning(UUID hostId) {
        return provisioning.start(hostId);
    }

    @Timeout(5_000)
    @Retry(maxRetries = 2, delay = 200, abortOn = ProblemException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5_000, skipOn = ProblemException.class)
    public List<ProvisioningRunView> provisioningRuns(UUID hostId) {
        return provisioning.list(hostId);
    }

    @Timeout(5_000)
    @Retry(maxRetries = 2, delay = 200, abortOn = ProblemException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5_000, skipOn = ProblemException.class)
    public ProvisioningRunView provisioningRun(UUID hostId, UUID runId) {
        return provisioning.get(hostId, runId);
    }

    /** Safe to repeat: cancelling a run twice is cancelling it once. */
    @Timeout(5_000)
    @Retry(maxRetries = 2, delay = 200, abortOn = ProblemException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5_000, skipOn = ProblemException.class)
    public RestResponse<ProvisioningRunView> cancelProvisioning(UUID hostId, UUID runId) {
        return provisioning.cancel(hostId, runId);
    }

    /** Not retried: a call that timed out may have registered the new server and started the run. */
    @Timeout(10_000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5_000, skipOn = ProblemException.class)
    public RestResponse<ReplacementView> replace(UUID hostId, HostRegistration server) {
        return replacements.replace(hostId, server);
    }

    @Timeout(5_000)
    @Retry(maxRetries = 2, delay = 200, abortOn = ProblemException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5_000, skipOn = ProblemException.class)
    public List<ReplacementView> replacements(UUID hostId) {
        return replacements.list(hostId);
    }

    @Timeout(5_000)
    @Retry(maxRetries = 2, delay = 200, abortOn = ProblemException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5_000, skipOn = ProblemException.class)
    public ReplacementView replacement(UUID hostId, UUID replacementId) {
        return replacements.get(hostId, replacementId);
    }

    /**
     * A run's live progress. A stream has no timeout of its own (a task may run for minutes); the provisioner sends
     * a keep-alive comment while one does, and a client resumes with {@code Last-Event-ID}.
     */
    public Multi<SseEvent<String>> followProvisioning(UUID hostId, UUID runId, String lastEventId) {
        return provisioning.follow(hostId, runId, lastEventId);
    }
}
