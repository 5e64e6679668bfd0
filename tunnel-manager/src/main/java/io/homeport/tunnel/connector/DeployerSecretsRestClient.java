package io.homeport.tunnel.connector;

import io.homeport.api.secrets.SecretsApi;
import io.homeport.platform.servicetoken.ServiceTokenFilter;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The deployer's secrets API, seen from the tunnel-manager. Use it through {@link ConnectorDeployer}. */
@RegisterRestClient(configKey = "deployer")
@RegisterProvider(ServiceTokenFilter.class)
@RegisterProvider(DeployerErrorMapper.class)
public interface DeployerSecretsRestClient extends SecretsApi {
}
