package io.homeport.platform.sample;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** A REST face for {@link SampleHosts}, so that request handling shared by every service can be tested here. */
@Path("/sample/hosts")
public class SampleHostResource {

    public record Registration(String name) {
    }

    private final SampleHosts hosts;

    SampleHostResource(SampleHosts hosts) {
        this.hosts = hosts;
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, "application/yaml"})
    public String register(Registration registration) {
        return hosts.register(UUID.randomUUID(), registration.name());
    }

    @POST
    @Path("/{name}")
    public String registerNamed(@PathParam("name") String name, @QueryParam("suffix") String suffix) {
        return hosts.register(UUID.randomUUID(), suffix == null ? name : name + suffix);
    }

    @GET
    @Path("/{id}/count")
    public long count(@PathParam("id") UUID id) {
        return hosts.count(id);
    }
}
