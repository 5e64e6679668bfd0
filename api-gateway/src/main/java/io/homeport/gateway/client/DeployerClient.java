package io.homeport.gateway.client;

import io.homeport.api.apps.AppSpec;
import io.homeport.api.apps.AppView;
import io.homeport.api.apps.DeploymentView;
import io.homeport.api.apps.RevisionView;
import io.homeport.api.apps.StackDeploymentView;
import io.homeport.api.apps.StackPreview;
import io.homeport.api.hosts.EvacuationView;
import io.homeport.api.hosts.HostMoveView;
import io.homeport.api.secrets.SecretValue;
import io.homeport.api.secrets.SecretView;
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
 * The gateway's one way to the deployer, with the same fault tolerance as {@link ProvisionerClient}: reads and
 * previews are retried, deploys are not (one that timed out may have started).
 */
@ApplicationScoped
public class DeployerClient {

    private final DeployerRestClient stacks;
    private final DeployerAppsRestClient apps;
    private final DeployerSecretsRestClient secrets;
    private final DeployerEvacuationRestClient evacuations;
    private final DeployerHostMovesRestClient hostMoves;

    DeployerClient(@RestClient DeployerRestClient stacks, @RestClient DeployerAppsRestClient apps,
            @RestClient DeployerSecretsRestClient secrets, @RestClient DeployerEvacuationRestClient evacuations,
            @RestClient DeployerHostMovesRestClient hostMoves) {
        this.stacks = stacks;
        this.apps = apps;
        this.secrets = secrets;
        this.evacuations = evacuations;
        this.hostMoves = hostMoves;
    }

    @Timeout(10_000)
    @Retry(maxRetries = 2, delay = 200, abortOn = ProblemException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5_000, skipOn = ProblemException.class)
    public StackPreview preview(String name, String compose) {
        return stacks.preview(name, compose);
    }

    @Timeout(10_000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5_000, skipOn = ProblemException.class)
    public StackDeploymentView deployStack(String name, String compose) {
        return stacks.deploy(name, compose).getEntity();
    }

    @Timeout(10_000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5_000, skipOn = ProblemException.class)
    public DeploymentView create(AppSpec spec) {
        return apps.create(spec).getEntity();
    }

    @Timeout(10_000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5_000, skipOn = ProblemException.class)
    public DeploymentView update(String name, AppSpec spec) {
        return apps.update(name, spec).getEntity();
    }

    @Timeout(10_000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5_000, skipOn = ProblemException.class)
    public DeploymentView rollback(String name, long to) {
        return apps.rollback(name, to).getEntity();
    }

    @Timeout(5_000)
    @Retry(maxRetries = 2, delay = 200, abortOn = ProblemException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5_000, skipOn = ProblemException.class)
    public List<AppView> apps() {
        return apps.list();
    }

    @Timeout(5_000)
    @Retry(maxRetries = 2, delay = 200, abortOn = ProblemException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5_000, skipOn = ProblemException.class)
    public AppView app(String name) {
        return apps.get(name);
    }

    @Timeout(5_000)
    @Retry(maxRetries = 2, delay = 200, abortOn = ProblemException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5_000, skipOn = ProblemException.class)
    public List<RevisionView> revisions(String name) {
        return apps.revisions(name);
    }

    @Timeout(5_000)
    @Retry(maxRetries = 2, delay = 200, abortOn = ProblemException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5_000, skipOn = ProblemException.class)
    public DeploymentView deployment(UUID id) {
        return apps.deployment(id);
    }

    @Timeout(5_000)
    @Retry(maxRetries = 2, delay = 200, abortOn = ProblemException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5_000, skipOn = ProblemException.class)
    public List<SecretView> secrets() {
        return secrets.list();
    }

    @Timeout(5_000)
    @Retry(maxRetries = 2, delay = 200, abortOn = ProblemException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5_000, skipOn = ProblemException.class)
    public SecretView secret(String name) {
        return secrets.get(name);
    }

    /** Not retried either: a retry after a timeout could store a second version. */
    @Timeout(10_000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5_000, skipOn = ProblemException.class)
    public RestResponse<SecretView> putSecret(String name, SecretValue value) {
        return secrets.put(name, value);
    }

    @Timeout(10_000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5_000, skipOn = ProblemException.class)
    public void deleteSecret(String name) {
        secrets.delete(name);
    }

    // --- evacuation (issue 9) ---

    /** Not retried: one that timed out may have started moving apps. */
    @Timeout(10_000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5_000, skipOn = ProblemException.class)
    public EvacuationView evacuate(UUID host, UUID to) {
        return evacuations.evacuate(host, to).getEntity();
    }

    @Timeout(5_000)
    @Retry(maxRetries = 2, delay = 200, abortOn = ProblemException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5_000, skipOn = ProblemException.class)
    public void undrain(UUID host) {
        evacuations.undrain(host);
    }

    @Timeout(5_000)
    @Retry(maxRetries = 2, delay = 200, abortOn = ProblemException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5_000, skipOn = ProblemException.class)
    public List<HostMoveView> hostMoves(UUID host) {
        return hostMoves.moves(host);
    }
}
