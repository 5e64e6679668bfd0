package io.homeport.gateway.client;

import io.homeport.api.hosts.HostReplacementApi;
import io.homeport.platform.servicetoken.ServiceTokenFilter;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The provisioner's replacement runs, seen from the gateway. Use it through {@link ProvisionerClient}. */
@RegisterRestClient(configKey = "provisioner")
@RegisterProvider(ServiceTokenFilter.class)
@RegisterProvider(DownstreamProblemMapper.class)
public interface ProvisionerReplacementRestClient extends HostReplacementApi {
}
