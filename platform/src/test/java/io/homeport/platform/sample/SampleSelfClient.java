package io.homeport.platform.sample;

import io.homeport.platform.servicetoken.ServiceTokenFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The sample app's own API, as another service's REST client would call it. */
@RegisterRestClient(configKey = "sample-self")
@RegisterProvider(ServiceTokenFilter.class)
@Path("/api/v1/sample")
public interface SampleSelfClient {

    @GET
    @Path("/whoami")
    Map<String, Object> whoami();

    @GET
    @Path("/whoami")
    Uni<Map<String, Object>> whoamiLater();
}
