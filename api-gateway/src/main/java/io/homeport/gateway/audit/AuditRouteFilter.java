package io.homeport.gateway.audit;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Tells the {@link AuditRecorder} which route a request matched (e.g. {@code DELETE /api/v1/hosts/{id}}), also when
 * it was denied: only the REST layer knows. Requests refused before it (413, 429) are audited by their path.
 */
public class AuditRouteFilter {

    private final CurrentVertxRequest request;

    AuditRouteFilter(CurrentVertxRequest request) {
        this.request = request;
    }

    @ServerResponseFilter
    public void matched(ResourceInfo resource) {
        RoutingContext context = request.getCurrent();
        if (context != null && resource != null && resource.getResourceMethod() != null) {
            context.put(AuditRecorder.ROUTE, RouteTemplates.of(resource.getResourceClass(),
                    resource.getResourceMethod()));
        }
    }
}
