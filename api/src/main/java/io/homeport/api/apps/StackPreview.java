package io.homeport.api.apps;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A compose file as Homeport would deploy it: its apps in start order, each as an {@link AppSpec}. */
@Schema(description = "A compose file's services as Homeport apps, in start order.")
public record StackPreview(String name, List<AppSpec> apps) {
}
