package io.homeport.gateway.storage;

import io.homeport.api.storage.RemoteDefinition;
import io.homeport.api.storage.RemoteView;
import io.homeport.api.storage.RemotesApi;
import io.homeport.gateway.client.StorageManagerClient;
import io.homeport.gateway.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * rclone remotes for users; the storage-manager keeps them. Every role may look at them (credentials are never
 * shown); only admins define or delete one, since a remote's credentials open the data of every volume on it.
 */
@SecurityRequirement(name = "bearer")
public class RemoteResource implements RemotesApi {

    private final StorageManagerClient storage;

    RemoteResource(StorageManagerClient storage) {
        this.storage = storage;
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    public List<RemoteView> list() {
        return storage.remotes();
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    public RemoteView get(String name) {
        return storage.remote(name);
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public RestResponse<RemoteView> put(String name, RemoteDefinition definition) {
        return StorageAnswers.relayed(storage.putRemote(name, definition));
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public RestResponse<Void> delete(String name) {
        storage.deleteRemote(name);
        return RestResponse.noContent();
    }
}
