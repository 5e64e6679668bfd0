package io.homeport.storage.remote;

import io.homeport.api.storage.RemoteDefinition;
import io.homeport.api.storage.RemoteView;
import io.homeport.api.storage.RemotesApi;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/** rclone remotes: credentials in only. */
public class RemoteResource implements RemotesApi {

    private final Remotes remotes;

    RemoteResource(Remotes remotes) {
        this.remotes = remotes;
    }

    @Override
    public List<RemoteView> list() {
        return remotes.list();
    }

    @Override
    public RemoteView get(String name) {
        return remotes.get(name);
    }

    @Override
    public RestResponse<RemoteView> put(String name, RemoteDefinition definition) {
        Remotes.Stored stored = remotes.put(name, definition);
        return RestResponse.status(stored.created() ? RestResponse.Status.CREATED : RestResponse.Status.OK,
                stored.view());
    }

    @Override
    public RestResponse<Void> delete(String name) {
        remotes.delete(name);
        return RestResponse.noContent();
    }
}
