package io.homeport.api.tunnels;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Cloudflare tunnels and the public routes through them, {@code /api/v1/tunnels} and {@code /api/v1/routes}: served
 * to users by the gateway and kept by the tunnel-manager, which makes one tunnel per host and a route for each
 * hostname (and path) an exposed container's labels ask for. Read-only: routes come from container labels.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface TunnelsApi {

    /** Every host's tunnel, with the state of its connector and of its last reconcile. */
    @GET
    @Path("/tunnels")
    List<TunnelView> tunnels();

    /** Every route, or those of one public hostname (an empty list when it has none). */
    @GET
    @Path("/routes")
    List<RouteView> routes(@QueryParam("hostname") String hostname);

    /** The routes of one public hostname (one per path); 404 when it has none. */
    @GET
    @Path("/routes/{hostname}")
    List<RouteView> routesOf(@PathParam("hostname") String hostname);
}
