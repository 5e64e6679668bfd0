package io.homeport.gateway.http;

import io.homeport.gateway.audit.Actor;
import io.homeport.gateway.token.ApiTokenIdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Consumer;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Resolves who a request comes from before the rate limit counts it. Authentication is not proactive, so this asks
 * for the request's deferred identity, the one the REST layer's role checks use later: a token is verified once. A
 * token that fails verification makes the caller anonymous here; the REST layer answers it with 401.
 */
@ApplicationScoped
class Callers {

    private final IdentityProviderManager identities;

    Callers(IdentityProviderManager identities) {
        this.identities = identities;
    }

    /** Resolves the caller, keeps it in the context ({@link Caller#of}), then goes on on the request's context. */
    void resolve(RoutingContext context, Consumer<Caller> then) {
        Context vertx = Vertx.currentContext();
        QuarkusHttpUser.getSecurityIdentity(context, identities).subscribe().with(
                identity -> vertx.runOnContext(v -> then.accept(remember(context, callerOf(identity, context)))),
                failure -> vertx.runOnContext(v -> then.accept(remember(context, anonymous(context)))));
    }

    private static Caller remember(RoutingContext context, Caller caller) {
        context.put(Caller.CONTEXT_KEY, caller);
        return caller;
    }

    private static Caller callerOf(SecurityIdentity identity, RoutingContext context) {
        if (identity == null || identity.isAnonymous()) {
            return anonymous(context);
        }
        Object tokenId = identity.getAttribute(ApiTokenIdentityProvider.TOKEN_ID);
        if (tokenId != null) {
            return new Caller("api-token:" + tokenId, Actor.of(identity));
        }
        String subject = identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null
                ? jwt.getSubject() : identity.getPrincipal().getName();
        return new Caller("subject:" + subject, Actor.of(identity));
    }

    private static Caller anonymous(RoutingContext context) {
        String address = context.request().remoteAddress() == null ? "unknown"
                : context.request().remoteAddress().hostAddress();
        return new Caller("address:" + address, Actor.ANONYMOUS);
    }
}
