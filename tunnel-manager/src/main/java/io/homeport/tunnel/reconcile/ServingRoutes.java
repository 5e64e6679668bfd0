package io.homeport.tunnel.reconcile;

import io.homeport.tunnel.ingress.RuleKey;
import io.homeport.tunnel.route.ExposedRoute;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Of the routes asking for one hostname and path, the one that is served: an ACTIVE one before one in its grace
 * period, and of those the one that became active last (an app that moved is served from its new host at once,
 * and a container restarted on its old host cannot take the name back from the one that replaced it).
 */
final class ServingRoutes {

    static final Comparator<ExposedRoute> PREFERRED = Comparator
            .comparing((ExposedRoute route) -> route.state == ExposedRoute.State.ACTIVE)
            .thenComparing(route -> route.activeSince)
            .thenComparing(route -> route.hostId);

    private ServingRoutes() {
    }

    /** The served route of each hostname and path among {@code routes}. */
    static Map<RuleKey, ExposedRoute> of(Collection<ExposedRoute> routes) {
        Map<RuleKey, ExposedRoute> serving = new LinkedHashMap<>();
        for (ExposedRoute route : routes) {
            serving.merge(new RuleKey(route.hostname, route.path), route,
                    (current, other) -> PREFERRED.compare(current, other) >= 0 ? current : other);
        }
        return serving;
    }
}
