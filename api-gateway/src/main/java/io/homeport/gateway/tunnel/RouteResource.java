package io.homeport.gateway.tunnel;

import io.homeport.api.tunnels.RouteView;
import io.homeport.api.tunnels.TunnelView;
import io.homeport.api.tunnels.TunnelsApi;
import io.homeport.gateway.client.TunnelManagerClient;
import io.homeport.gateway.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Tunnels and public routes for users; the tunnel-manager keeps them. Every role may look, no one changes them here:
 * routes follow container labels.
 */
@SecurityRequirement(name = "bearer")
public class RouteResource implements TunnelsApi {

    private final TunnelManagerClient tunnels;

    RouteResource(TunnelManagerClient tunnels) {
        this.tunnels = tunnels;
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    public List<TunnelView> tunnels() {
        return tunnels.tunnels();
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    public List<RouteView> routes(String hostname) {
        return tunnels.routes(hostname);
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    public List<RouteView> routesOf(String hostname) {
        return tunnels.routesOf(hostname);
    }
}
