package io.homeport.gateway.http;

import io.homeport.gateway.audit.AuditRecorder;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * What every request passes before the REST layer, in this order: the audit recorder (so that what follows is
 * audited too), the size limits, then, under {@code /api/}, the caller's resolution and its rate limit. The agent
 * hub's WebSocket (it audits its own connects) and {@code /q/} (health, metrics) are not rate-limited.
 *
 * <p>Order {@value #ORDER}: after Quarkus sets up the request's deferred identity, before its own body-size check
 * ({@code RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT}, -2), which would answer 413 without a body.
 */
@ApplicationScoped
public class GatewayRoutes {

    static final int ORDER = -3;
    private static final String AGENT_HUB = "/api/v1/agents/connect";
    private static final long IDLE_SWEEP_MS = 60_000;

    private final AuditRecorder audit;
    private final RequestLimits limits;
    private final Callers callers;
    private final RateLimiter rateLimiter;

    GatewayRoutes(AuditRecorder audit, RequestLimits limits, Callers callers, RateLimiter rateLimiter) {
        this.audit = audit;
        this.limits = limits;
        this.callers = callers;
        this.rateLimiter = rateLimiter;
    }

    void install(@Observes Router router, Vertx vertx) {
        router.route("/api/*").order(ORDER).handler(audit::handle).handler(limits::handle).handler(this::limitRate)
                .failureHandler(limits::failed);
        if (rateLimiter.enabled()) {
            vertx.setPeriodic(IDLE_SWEEP_MS, id -> rateLimiter.forgetIdle());
        }
    }

    private void limitRate(RoutingContext context) {
        if (context.normalizedPath().equals(AGENT_HUB)) {
            context.next();
            return;
        }
        callers.resolve(context, caller -> {
            if (rateLimiter.enabled()) {
                rateLimiter.handle(context, caller);
            } else {
                context.next();
            }
        });
    }
}
