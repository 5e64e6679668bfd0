package io.homeport.gateway.host;

import io.homeport.api.hosts.HostRegistration;
import io.homeport.api.hosts.HostView;
import io.homeport.api.hosts.HostsApi;
import io.homeport.api.hosts.PreflightView;
import io.homeport.gateway.client.ProvisionerClient;
import io.homeport.gateway.config.PublicLocations;
import io.homeport.gateway.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestResponse;

/** The host inventory for users; the provisioner owns it. */
@SecurityRequirement(name = "bearer")
public class HostResource implements HostsApi {

    private final ProvisionerClient provisioner;
    private final PublicLocations locations;
    private final UriInfo uri;

    HostResource(ProvisionerClient provisioner, PublicLocations locations, UriInfo uri) {
        this.provisioner = provisioner;
        this.locations = locations;
        this.uri = uri;
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public RestResponse<HostView> register(HostRegistration registration) {
        HostView host = provisioner.register(registration).getEntity();
        UriBuilder location = locations.here(uri);
        return RestResponse.ResponseBuilder.<HostView>created(location.path(host.id().toString()).build()).entity(host).build();
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    public List<HostView> list() {
        return provisioner.list();
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    public HostView get(UUID id) {
        return provisioner.get(id);
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public HostView decommission(UUID id) {
        return provisioner.decommission(id);
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public PreflightView preflight(UUID id) {
        return provisioner.preflight(id);
    }
}
