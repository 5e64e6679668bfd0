package io.homeport.storage.mount;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** The shared-remote mount of each host. */
@Path("/api/v1/storage/mounts")
@Produces(MediaType.APPLICATION_JSON)
public class HostMountResource {

    private final HostMounts mounts;

    HostMountResource(HostMounts mounts) {
        this.mounts = mounts;
    }

    @GET
    @Path("/{hostId}")
    public HostMountView get(@PathParam("hostId") UUID hostId) {
        return mounts.get(hostId);
    }
}
