package io.homeport.gateway.client;

import io.homeport.api.apps.StackPreview;
import io.homeport.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The gateway's one way to the deployer, with the same fault tolerance as {@link ProvisionerClient}. */
@ApplicationScoped
public class DeployerClient {

    private final DeployerRestClient rest;

    DeployerClient(@RestClient DeployerRestClient rest) {
        this.rest = rest;
    }

    /** Safe to repeat: a preview changes nothing. */
    @Timeout(10_000)
    @Retry(maxRetries = 2, delay = 200, abortOn = ProblemException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5_000, skipOn = ProblemException.class)
    public StackPreview preview(String name, String compose) {
        return rest.preview(name, compose);
    }
}
