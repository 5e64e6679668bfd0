package io.homeport.tunnel.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.homeport.tunnel.cloudflare.AccessApp;
import io.homeport.tunnel.cloudflare.AccessPolicy;
import io.homeport.tunnel.cloudflare.Cloudflare;
import io.homeport.tunnel.ingress.RuleKey;
import io.homeport.tunnel.label.Access;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Cloudflare Access in front of the routes whose labels ask for it, as DockFlare does: a self-hosted Access
 * application per hostname (and path) with reusable policies. {@code bypass} and {@code authenticate} use one shared
 * policy each ({@code homeport-bypass}: everyone passes; {@code homeport-authenticate}: everyone who logs in through
 * the account's identity providers), made once; {@code access.groups} name reusable policies by id, used as they are;
 * {@code access.custom_rules} become the route's own policy ({@code homeport-rules-<hostname>}); {@code default_tld}
 * makes no application, so the zone's wildcard application applies. Applications are written only when they differ
 * from what is wanted, and Homeport changes or deletes only the applications it created ({@link OwnedAccessApp}).
 */
@ApplicationScoped
public class AccessApps {

    static final String BYPASS = "homeport-bypass";
    static final String AUTHENTICATE = "homeport-authenticate";
    private static final Logger LOG = Logger.getLogger(AccessApps.class);

    private final Cloudflare cloudflare;

    AccessApps(Cloudflare cloudflare) {
        this.cloudflare = cloudflare;
    }

    /**
     * Brings the Access applications of {@code hostnames} in line: those in {@code wanted} get theirs, the others
     * lose the one Homeport made.
     *
     * @param wanted    the served routes that ask for Access, by hostname and path
     * @param concerned every hostname and path this reconcile answers for
     */
    public void reconcile(Map<RuleKey, Access> wanted, List<RuleKey> concerned) {
        Map<RuleKey, String> owned = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> OwnedAccessApp.<OwnedAccessApp>listAll().forEach(app ->
                owned.put(new RuleKey(app.hostname, app.path), app.appId)));
        // only this reconcile's routes count: Access wanted elsewhere is another tunnel's reconcile's to read
        if (concerned.stream().noneMatch(key -> wanted.containsKey(key) || owned.containsKey(key))) {
            return;
        }
        Map<String, AccessApp> apps = new HashMap<>();
        cloudflare.accessApps().forEach(app -> apps.put(app.id(), app));
        Map<String, AccessPolicy> policies = new LinkedHashMap<>();
        for (RuleKey key : concerned) {
            Access access = wanted.get(key);
            String ownedId = owned.get(key);
            AccessApp current = ownedId == null ? null : apps.get(ownedId);
            List<AccessApp.PolicyRef> refs = access == null ? List.of() : policyRefs(key, access, policies);
            if (refs.isEmpty()) {
                if (ownedId != null) {
                    if (current != null) {
                        cloudflare.deleteAccessApp(ownedId);
                        LOG.infof("Access application of %s%s deleted", key.hostname(), key.path());
                    }
                    forget(key);
                }
                continue;
            }
            AccessApp desired = desired(key, access, refs, current);
            if (current == null) {
                AccessApp created = cloudflare.createAccessApp(desired);
                remember(key, created.id());
                LOG.infof("Access application %s for %s%s created", created.name(), key.hostname(), key.path());
            } else if (!same(current, desired)) {
                cloudflare.updateAccessApp(current.id(), desired);
                LOG.infof("Access application %s for %s%s updated", desired.name(), key.hostname(), key.path());
            }
        }
    }

    /** The reusable policies of a route, found or made; none for {@code default_tld} (the zone's app applies). */
    private List<AccessApp.PolicyRef> policyRefs(RuleKey key, Access access, Map<String, AccessPolicy> cache) {
        List<String> ids = new ArrayList<>();
        if (!access.groups().isEmpty()) {
            ids.addAll(access.groups());
        } else if (access.customRules() != null && access.customRules().size() > 0) {
            List<JsonNode> include = new ArrayList<>();
            access.customRules().forEach(include::add);
            ids.add(policy(cache, "homeport-rules-" + key.hostname(), "allow", include).id());
        } else if (access.policy() == io.homeport.tunnel.label.AccessPolicy.BYPASS) {
            ids.add(policy(cache, BYPASS, "bypass", List.of(everyone())).id());
        } else if (access.policy() == io.homeport.tunnel.label.AccessPolicy.AUTHENTICATE) {
            ids.add(policy(cache, AUTHENTICATE, "allow", List.of(everyone())).id());
        }
        List<AccessApp.PolicyRef> refs = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            refs.add(new AccessApp.PolicyRef(ids.get(i), i + 1));
        }
        return refs;
    }

    /** The reusable policy called {@code name}, made when missing and set right when its rules differ. */
    private AccessPolicy policy(Map<String, AccessPolicy> cache, String name, String decision, List<JsonNode> include) {
        if (cache.isEmpty()) {
            cloudflare.accessPolicies().forEach(policy -> cache.put(policy.name(), policy));
        }
        AccessPolicy existing = cache.get(name);
        AccessPolicy policy;
        if (existing == null) {
            policy = cloudflare.createAccessPolicy(AccessPolicy.of(name, decision, include));
        } else if (!decision.equals(existing.decision()) || !include.equals(existing.include())) {
            policy = cloudflare.updateAccessPolicy(existing.id(), new AccessPolicy(existing.id(), name, decision,
                    include, existing.exclude(), existing.require(), null, null, existing.other()));
        } else {
            return existing;
        }
        cache.put(name, policy);
        return policy;
    }

    private static AccessApp desired(RuleKey key, Access access, List<AccessApp.PolicyRef> refs, AccessApp current) {
        String name = Optional.ofNullable(access.name()).orElse("Homeport-" + key.hostname());
        String session = Optional.ofNullable(access.sessionDuration()).orElse(Access.DEFAULT_SESSION_DURATION);
        Map<String, JsonNode> other = new LinkedHashMap<>(current == null ? Map.of() : current.other());
        other.put("app_launcher_visible", BooleanNode.valueOf(access.appLauncherVisible()));
        other.put("auto_redirect_to_identity", BooleanNode.valueOf(access.autoRedirectToIdentity()));
        if (!access.allowedIdps().isEmpty()) {
            other.put("allowed_idps", JsonNodeFactory.instance.arrayNode().addAll(access.allowedIdps().stream()
                    .map(JsonNodeFactory.instance::textNode).toList()));
        }
        AccessApp app = AccessApp.selfHosted(name, key.hostname() + key.path(), session, refs);
        return new AccessApp(current == null ? null : current.id(), app.name(), app.domain(), app.type(),
                app.sessionDuration(), refs, null, null, other);
    }

    private static boolean same(AccessApp current, AccessApp desired) {
        return Objects.equals(current.name(), desired.name()) && Objects.equals(current.domain(), desired.domain())
                && Objects.equals(current.type(), desired.type())
                && Objects.equals(current.sessionDuration(), desired.sessionDuration())
                && Objects.equals(current.policies(), desired.policies())
                && desired.other().entrySet().stream().allMatch(e -> e.getValue().equals(current.other()
                        .get(e.getKey())));
    }

    private static JsonNode everyone() {
        return JsonNodeFactory.instance.objectNode().set("everyone", JsonNodeFactory.instance.objectNode());
    }

    private static void remember(RuleKey key, String appId) {
        QuarkusTransaction.requiringNew().run(() -> {
            OwnedAccessApp row = OwnedAccessApp.findById(new OwnedAccessApp.Key(key.hostname(), key.path()));
            if (row == null) {
                row = new OwnedAccessApp();
                row.hostname = key.hostname();
                row.path = key.path();
                row.appId = appId;
                row.persist();
            } else {
                row.appId = appId;
            }
        });
    }

    private static void forget(RuleKey key) {
        QuarkusTransaction.requiringNew().run(() -> OwnedAccessApp.deleteById(new OwnedAccessApp.Key(
                key.hostname(), key.path())));
    }
}
