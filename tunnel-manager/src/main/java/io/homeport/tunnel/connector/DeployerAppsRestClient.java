package io.homeport.tunnel.connector;

import io.homeport.api.apps.AppsApi;
import io.homeport.platform.servicetoken.ServiceTokenFilter;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The deployer's apps API, seen from the tunnel-manager. Use it through {@link ConnectorDeployer}. */
@RegisterRestClient(configKey = "deployer")
@RegisterProvider(ServiceTokenFilter.class)
@RegisterProvider(DeployerErrorMapper.class)
public interface DeployerAppsRestClient extends AppsApi {
}
