package io.homeport.gateway.audit;

import io.homeport.gateway.http.Caller;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;

/**
 * Audits every mutation ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE} under {@code /api/}) whatever its
 * outcome: installed in front of every other gateway handler, it notes the start and writes the entry once the answer
 * has gone out (or the connection dropped), so refusals by the size limit, the rate limit, authentication and roles
 * are audited as well as the service's answers. Never the body: it may hold secrets.
 */
@ApplicationScoped
public class AuditRecorder {

    /** The route template a request matched, put by {@link AuditRouteFilter}. */
    static final String ROUTE = "homeport.audit.route";
    private static final Set<HttpMethod> MUTATIONS = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);
    private static final String ENROLL = "/api/v1/agents/enroll";

    private final AuditLog audit;

    AuditRecorder(AuditLog audit) {
        this.audit = audit;
    }

    public void handle(RoutingContext context) {
        HttpMethod method = context.request().method();
        if (!MUTATIONS.contains(method)) {
            context.next();
            return;
        }
        Instant at = Instant.now();
        long started = System.nanoTime();
        String path = context.normalizedPath();
        context.addEndHandler(ended -> {
            String route = context.get(ROUTE);
            int status = context.response().ended() ? context.response().getStatusCode() : 499;
            audit.record(actor(context, path), method.name() + " " + (route != null ? route : path), path, status,
                    at, (System.nanoTime() - started) / 1_000_000, client(context));
        });
        context.next();
    }

    private static Actor actor(RoutingContext context, String path) {
        Actor actor = Caller.of(context).map(Caller::actor).orElse(Actor.ANONYMOUS);
        return actor.kind() == Actor.Kind.ANONYMOUS && path.equals(ENROLL) ? Actor.ENROLLMENT_KEY : actor;
    }

    private static String client(RoutingContext context) {
        return context.request().remoteAddress() == null ? null : context.request().remoteAddress().hostAddress();
    }
}
