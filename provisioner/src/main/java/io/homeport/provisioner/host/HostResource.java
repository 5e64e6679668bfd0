package io.homeport.provisioner.host;

import io.homeport.api.hosts.HostRegistration;
import io.homeport.api.hosts.HostView;
import io.homeport.api.hosts.HostsApi;
import io.homeport.api.hosts.PreflightView;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/** The inventory API behind the gateway. */
public class HostResource implements HostsApi {

    private final HostService hosts;
    private final HostAccess access;
    private final UriInfo uri;

    HostResource(HostService hosts, HostAccess access, UriInfo uri) {
        this.hosts = hosts;
        this.access = access;
        this.uri = uri;
    }

    @Override
    public RestResponse<HostView> register(HostRegistration registration) {
        HostView host = hosts.register(registration);
        return RestResponse.ResponseBuilder.<HostView>created(uri.getAbsolutePathBuilder().path(host.id().toString()).build())
                .entity(host).build();
    }

    @Override
    public List<HostView> list() {
        return hosts.list();
    }

    @Override
    public HostView get(UUID id) {
        return hosts.get(id);
    }

    @Override
    public HostView decommission(UUID id) {
        return hosts.decommission(id);
    }

    @Override
    public PreflightView preflight(UUID id) {
        return access.preflight(id);
    }
}
