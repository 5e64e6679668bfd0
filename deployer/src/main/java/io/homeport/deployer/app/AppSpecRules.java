package io.homeport.deployer.app;

import io.homeport.api.apps.AppSpec;
import io.homeport.api.apps.RolloutStrategy;
import io.homeport.platform.problem.Problem.FieldError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a spec must satisfy beyond its field-by-field constraints: checks that need more than one field. Each broken
 * rule is a {@link FieldError} naming the field, so a client can show it next to the input.
 */
public final class AppSpecRules {

    /**
     * Docker's image reference grammar (distribution/reference): optional registry host[:port]/, lower-case path
     * components separated by '/', an optional :tag and an optional @sha256 digest.
     */
    private static final Pattern IMAGE = Pattern.compile(
            "(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*"
                    + "(?::[0-9]{1,5})?/)?"
                    + "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*"
                    + "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?");

    public static List<FieldError> check(AppSpec spec) {
        List<FieldError> errors = new ArrayList<>();
        if (spec.image() != null && !IMAGE.matcher(spec.image()).matches()) {
            errors.add(new FieldError("image", "is not an image reference such as nginx:1.27 or "
                    + "registry.example.org/team/app@sha256:…"));
        }
        Map<String, Integer> published = new HashMap<>();
        for (int i = 0; i < spec.ports().size(); i++) {
            AppSpec.Port port = spec.ports().get(i);
            if (port.hostPort() != null) {
                Integer earlier = published.putIfAbsent(port.hostPort() + "/" + port.protocol(), i);
                if (earlier != null) {
                    errors.add(new FieldError("ports[" + i + "].hostPort", "clashes with ports[" + earlier
                            + "]: " + port.hostPort() + "/" + port.protocol() + " is published twice"));
                }
            }
        }
        Map<String, Integer> names = new HashMap<>();
        Map<String, Integer> paths = new HashMap<>();
        for (int i = 0; i < spec.volumes().size(); i++) {
            AppSpec.Volume volume = spec.volumes().get(i);
            Integer sameName = volume.name() == null ? null : names.putIfAbsent(volume.name(), i);
            if (sameName != null) {
                errors.add(new FieldError("volumes[" + i + "].name", "repeats volumes[" + sameName + "]"));
            }
            Integer samePath = volume.mountPath() == null ? null : paths.putIfAbsent(volume.mountPath(), i);
            if (samePath != null) {
                errors.add(new FieldError("volumes[" + i + "].mountPath", "is mounted by volumes[" + samePath
                        + "] already"));
            }
        }
        if (spec.healthCheck() != null && spec.healthCheck().test() != null && !spec.healthCheck().test().isEmpty()
                && !List.of("CMD", "CMD-SHELL").contains(spec.healthCheck().test().get(0))) {
            errors.add(new FieldError("healthCheck.test", "must start with CMD or CMD-SHELL"));
        }
        if (spec.labels().keySet().stream().anyMatch(key -> key.startsWith("io.homeport."))) {
            errors.add(new FieldError("labels", "io.homeport.* labels are Homeport's own"));
        }
        if (spec.dependsOn().contains(spec.name())) {
            errors.add(new FieldError("dependsOn", "an app cannot depend on itself"));
        }
        if (spec.replicas() > 1 && spec.ports().stream().anyMatch(port -> port.hostPort() != null)
                && spec.placement().hostId() != null) {
            errors.add(new FieldError("replicas", "replicas publishing a host port cannot share the one host "
                    + "placement names"));
        }
        if (spec.rollout() == RolloutStrategy.START_FIRST
                && spec.ports().stream().anyMatch(port -> port.hostPort() != null)) {
            errors.add(new FieldError("rollout", "start-first runs the new container beside the old one, so they "
                    + "cannot both publish the same host port: use recreate, or reach the app through its network "
                    + "or a tunnel"));
        }
        return errors;
    }

    private AppSpecRules() {
    }
}
