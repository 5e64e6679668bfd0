package io.homeport.gateway.client;

import io.homeport.api.storage.BackupPolicy;
import io.homeport.api.storage.BackupView;
import io.homeport.api.storage.RemoteDefinition;
import io.homeport.api.storage.RemoteView;
import io.homeport.api.storage.RestoreRequest;
import io.homeport.api.storage.RestoreView;
import io.homeport.api.storage.VolumeView;
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
 * The gateway's one way to the storage-manager, with the same fault tolerance as {@link ProvisionerClient}: every
 * call has a timeout and a circuit breaker (per method; a problem the storage-manager answered with is the caller's
 * answer and trips nothing), and only reads are retried. A change that timed out may have been applied, and backups,
 * verifications and restores start work on a host, so repeating one is the caller's decision.
 */
@ApplicationScoped
@Timeout(10_000)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5_000, skipOn = ProblemException.class)
public class StorageManagerClient {

    private final StorageRemotesRestClient remotes;
    private final StorageVolumesRestClient volumes;

    StorageManagerClient(@RestClient StorageRemotesRestClient remotes, @RestClient StorageVolumesRestClient volumes) {
        this.remotes = remotes;
        this.volumes = volumes;
    }

    @Timeout(5_000)
    @Retry(maxRetries = 2, delay = 200, abortOn = ProblemException.class)
    public List<RemoteView> remotes() {
        return remotes.list();
    }

    @Timeout(5_000)
    @Retry(maxRetries = 2, delay = 200, abortOn = ProblemException.class)
    public RemoteView remote(String name) {
        return remotes.get(name);
    }

    public RestResponse<RemoteView> putRemote(String name, RemoteDefinition definition) {
        return remotes.put(name, definition);
    }

    public void deleteRemote(String name) {
        remotes.delete(name);
    }

    @Timeout(5_000)
    @Retry(maxRetries = 2, delay = 200, abortOn = ProblemException.class)
    public List<VolumeView> volumes() {
        return volumes.list();
    }

    @Timeout(5_000)
    @Retry(maxRetries = 2, delay = 200, abortOn = ProblemException.class)
    public VolumeView volume(String app, String volume) {
        return volumes.get(app, volume);
    }

    public VolumeView setBackupPolicy(String app, String volume, BackupPolicy policy) {
        return volumes.setBackupPolicy(app, volume, policy);
    }

    @Timeout(5_000)
    @Retry(maxRetries = 2, delay = 200, abortOn = ProblemException.class)
    public List<BackupView> backups(String app, String volume) {
        return volumes.backups(app, volume);
    }

    @Timeout(5_000)
    @Retry(maxRetries = 2, delay = 200, abortOn = ProblemException.class)
    public BackupView backup(String app, String volume, UUID id) {
        return volumes.backup(app, volume, id);
    }

    public RestResponse<BackupView> backUp(String app, String volume) {
        return volumes.backUp(app, volume);
    }

    public RestResponse<BackupView> verify(String app, String volume, UUID id) {
        return volumes.verify(app, volume, id);
    }

    public BackupView deleteBackup(String app, String volume, UUID id) {
        return volumes.deleteBackup(app, volume, id);
    }

    public RestResponse<RestoreView> restore(String app, String volume, UUID id, RestoreRequest request) {
        return volumes.restore(app, volume, id, request);
    }

    @Timeout(5_000)
    @Retry(maxRetries = 2, delay = 200, abortOn = ProblemException.class)
    public RestoreView restoreStatus(String app, String volume, UUID id) {
        return volumes.restoreStatus(app, volume, id);
    }
}
