package io.homeport.gateway.client;

import io.homeport.api.tunnels.TunnelsApi;
import io.homeport.platform.servicetoken.ServiceTokenFilter;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The tunnel-manager's tunnels and routes, seen from the gateway. Use it through {@link TunnelManagerClient}. */
@RegisterRestClient(configKey = "tunnel-manager")
@RegisterProvider(ServiceTokenFilter.class)
@RegisterProvider(DownstreamProblemMapper.class)
public interface TunnelManagerRestClient extends TunnelsApi {
}
