package io.homeport.gateway.http;

import io.homeport.gateway.audit.Actor;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * Who a request comes from, resolved once per request by {@link Callers}.
 *
 * @param key   what the rate limit counts by: the API token, the OIDC subject, or the client address when anonymous
 * @param actor how the audit log names the caller
 */
public record Caller(String key, Actor actor) {

    static final String CONTEXT_KEY = "homeport.caller";

    public static Optional<Caller> of(RoutingContext context) {
        return Optional.ofNullable(context.get(CONTEXT_KEY));
    }
}
