package io.homeport.gateway.storage;

import io.homeport.api.storage.BackupPolicy;
import io.homeport.api.storage.BackupView;
import io.homeport.api.storage.RestoreRequest;
import io.homeport.api.storage.RestoreView;
import io.homeport.api.storage.VolumeView;
import io.homeport.api.storage.VolumesApi;
import io.homeport.gateway.client.StorageManagerClient;
import io.homeport.gateway.config.PublicLocations;
import io.homeport.gateway.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Volumes, their backups and restores for users; the storage-manager keeps them. Every role may look; operators and
 * admins set backup policies and start backups, verifications and restores (202, {@code Location} at this gateway);
 * only admins delete a backup, since that cannot be undone.
 */
@SecurityRequirement(name = "bearer")
public class VolumeResource implements VolumesApi {

    private final StorageManagerClient storage;
    private final PublicLocations locations;
    private final UriInfo uri;

    VolumeResource(StorageManagerClient storage, PublicLocations locations, UriInfo uri) {
        this.storage = storage;
        this.locations = locations;
        this.uri = uri;
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    public List<VolumeView> list() {
        return storage.volumes();
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    public VolumeView get(String app, String volume) {
        return storage.volume(app, volume);
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public VolumeView setBackupPolicy(String app, String volume, BackupPolicy policy) {
        return storage.setBackupPolicy(app, volume, policy);
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    public List<BackupView> backups(String app, String volume) {
        return storage.backups(app, volume);
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public RestResponse<BackupView> backUp(String app, String volume) {
        RestResponse<BackupView> started = storage.backUp(app, volume);
        return StorageAnswers.located(started, backupLocation(app, volume, started.getEntity()));
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    public BackupView backup(String app, String volume, UUID id) {
        return storage.backup(app, volume, id);
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public RestResponse<BackupView> verify(String app, String volume, UUID id) {
        RestResponse<BackupView> started = storage.verify(app, volume, id);
        return StorageAnswers.located(started, backupLocation(app, volume, started.getEntity()));
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public BackupView deleteBackup(String app, String volume, UUID id) {
        return storage.deleteBackup(app, volume, id);
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public RestResponse<RestoreView> restore(String app, String volume, UUID id, RestoreRequest request) {
        RestResponse<RestoreView> started = storage.restore(app, volume, id, request);
        RestoreView restore = started.getEntity();
        return StorageAnswers.located(started, restore == null ? null
                : volumePath(app, volume).path("restores").path(restore.id().toString()).build());
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    public RestoreView restoreStatus(String app, String volume, UUID id) {
        return storage.restoreStatus(app, volume, id);
    }

    private URI backupLocation(String app, String volume, BackupView backup) {
        return backup == null ? null : volumePath(app, volume).path("backups").path(backup.id().toString()).build();
    }

    private UriBuilder volumePath(String app, String volume) {
        return locations.root(uri).path("api/v1/volumes").path(app).path(volume);
    }
}
