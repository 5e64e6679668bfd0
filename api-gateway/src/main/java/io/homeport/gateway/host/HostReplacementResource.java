package io.homeport.gateway.host;

import io.homeport.api.hosts.HostRegistration;
import io.homeport.api.hosts.HostReplacementApi;
import io.homeport.api.hosts.ReplacementView;
import io.homeport.gateway.client.ProvisionerClient;
import io.homeport.gateway.config.PublicLocations;
import io.homeport.gateway.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestResponse;

/** Replacing a dead host by a fresh server in one call; the provisioner runs it. */
@SecurityRequirement(name = "bearer")
public class HostReplacementResource implements HostReplacementApi {

    private final ProvisionerClient provisioner;
    private final PublicLocations locations;
    private final UriInfo uri;

    HostReplacementResource(ProvisionerClient provisioner, PublicLocations locations, UriInfo uri) {
        this.provisioner = provisioner;
        this.locations = locations;
        this.uri = uri;
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public RestResponse<ReplacementView> replace(UUID id, HostRegistration server) {
        ReplacementView run = provisioner.replace(id, server).getEntity();
        return RestResponse.ResponseBuilder.<ReplacementView>accepted().entity(run)
                .location(locations.here(uri).path(run.id().toString()).build()).build();
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    public List<ReplacementView> list(UUID id) {
        return provisioner.replacements(id);
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    public ReplacementView get(UUID id, UUID replacementId) {
        return provisioner.replacement(id, replacementId);
    }
}
