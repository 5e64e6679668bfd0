package io.homeport.platform.servicetoken;

import io.homeport.api.auth.ServiceToken;
import io.homeport.platform.secret.MasterKey;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Mints the {@link ServiceToken} a call to another service carries. Within a request it speaks for that request's
 * caller (the gateway's user or API token, or the identity a service token brought in), with the caller's roles;
 * outside one (a reconcile loop, a consumer) for this service itself, with no roles. A token is minted per call:
 * an HMAC over a few hundred bytes costs microseconds, and nothing needs to be cached or invalidated.
 */
@ApplicationScoped
public class ServiceTokens {

    private final MasterKey masterKey;
    private final CurrentIdentityAssociation identities;
    private final String service;
    private final Clock clock;

    ServiceTokens(MasterKey masterKey, CurrentIdentityAssociation identities,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.masterKey = masterKey;
        this.identities = identities;
        this.service = service;
        this.clock = Clock.systemUTC();
    }

    /** A token for whoever the current call is made for. */
    public String forCurrentCaller() {
        SecurityIdentity caller = currentIdentity();
        if (caller == null || caller.isAnonymous()) {
            return mint(service, List.of());
        }
        return mint(caller.getPrincipal().getName(), caller.getRoles().stream().sorted().toList());
    }

    public String mint(String subject, List<String> groups) {
        return ServiceToken.sign(masterKey.serviceTokenKey(),
                ServiceToken.Claims.of(subject, groups, service, clock.instant()));
    }

    private SecurityIdentity currentIdentity() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        Uni<SecurityIdentity> deferred = identities.getDeferredIdentity();
        if (BlockingOperationControl.isBlockingAllowed()) {
            return deferred.await().indefinitely();
        }
        // On an I/O thread (a stream relayed from a service) nothing may block. The identity is memoized and was
        // resolved when the caller's request passed its security check, so it is delivered at once.
        AtomicReference<SecurityIdentity> resolved = new AtomicReference<>();
        deferred.subscribe().with(resolved::set);
        if (resolved.get() == null) {
            throw new IllegalStateException("the caller's identity is not resolved yet: a service token cannot be made"
                    + " for it on an I/O thread");
        }
        return resolved.get();
    }
}
