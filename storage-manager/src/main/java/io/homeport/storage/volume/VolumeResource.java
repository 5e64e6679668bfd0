package io.homeport.storage.volume;

import io.homeport.api.storage.BackupPolicy;
import io.homeport.api.storage.BackupView;
import io.homeport.api.storage.RestoreRequest;
import io.homeport.api.storage.RestoreView;
import io.homeport.api.storage.VolumeView;
import io.homeport.api.storage.VolumesApi;
import io.homeport.storage.backup.Backups;
import io.homeport.storage.backup.Restores;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/** Volumes, their backups and restores; backups and restores answer 202 and run on an agent. */
public class VolumeResource implements VolumesApi {

    private final Volumes volumes;
    private final Backups backups;
    private final Restores restores;

    VolumeResource(Volumes volumes, Backups backups, Restores restores) {
        this.volumes = volumes;
        this.backups = backups;
        this.restores = restores;
    }

    @Override
    public List<VolumeView> list() {
        return volumes.list();
    }

    @Override
    public VolumeView get(String app, String volume) {
        return volumes.get(app, volume);
    }

    @Override
    public VolumeView setBackupPolicy(String app, String volume, BackupPolicy policy) {
        return volumes.setBackupPolicy(app, volume, policy);
    }

    @Override
    public List<BackupView> backups(String app, String volume) {
        return backups.list(app, volume);
    }

    @Override
    public RestResponse<BackupView> backUp(String app, String volume) {
        return RestResponse.accepted(backups.startNow(app, volume));
    }

    @Override
    public BackupView backup(String app, String volume, UUID id) {
        return backups.get(app, volume, id);
    }

    @Override
    public RestResponse<BackupView> verify(String app, String volume, UUID id) {
        return RestResponse.accepted(backups.verify(app, volume, id));
    }

    @Override
    public BackupView deleteBackup(String app, String volume, UUID id) {
        return backups.delete(app, volume, id);
    }

    @Override
    public RestResponse<RestoreView> restore(String app, String volume, UUID id, RestoreRequest request) {
        return RestResponse.accepted(restores.start(app, volume, id, request));
    }

    @Override
    public RestoreView restoreStatus(String app, String volume, UUID id) {
        return restores.get(app, volume, id);
    }
}
