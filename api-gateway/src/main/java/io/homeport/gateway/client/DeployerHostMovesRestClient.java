package io.homeport.gateway.client;

import io.homeport.api.hosts.HostMovesApi;
import io.homeport.platform.servicetoken.ServiceTokenFilter;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The deployer's moves of a host, seen from the gateway. Use it through {@link DeployerClient}. */
@RegisterRestClient(configKey = "deployer")
@RegisterProvider(ServiceTokenFilter.class)
@RegisterProvider(DownstreamProblemMapper.class)
public interface DeployerHostMovesRestClient extends HostMovesApi {
}
