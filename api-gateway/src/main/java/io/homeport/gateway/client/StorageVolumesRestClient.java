package io.homeport.gateway.client;

import io.homeport.api.storage.VolumesApi;
import io.homeport.platform.servicetoken.ServiceTokenFilter;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The storage-manager's volumes, backups and restores, seen from the gateway. Use it through
 * {@link StorageManagerClient}.
 */
@RegisterRestClient(configKey = "storage-manager")
@RegisterProvider(ServiceTokenFilter.class)
@RegisterProvider(DownstreamProblemMapper.class)
public interface StorageVolumesRestClient extends VolumesApi {
}
