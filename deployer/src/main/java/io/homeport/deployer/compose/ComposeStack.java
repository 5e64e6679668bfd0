package io.homeport.deployer.compose;

import io.homeport.api.apps.AppSpec;
import java.util.List;

/**
 * A compose file as Homeport apps: one per service, in start order (every app after the apps it depends on).
 * The apps of one stack share one network, named after the stack.
 */
public record ComposeStack(String name, List<AppSpec> apps) {

    /** Where one of the stack's apps stands in the compose file ({@code services.web} for app {@code shop-web}). */
    public String path(AppSpec app) {
        return "services." + app.name().substring(name.length() + 1);
    }
}
