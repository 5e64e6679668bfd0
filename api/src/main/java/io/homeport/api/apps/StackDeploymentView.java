package io.homeport.api.apps;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A compose file being deployed as a stack: one deployment per app, in start order. Apps that wait for nothing
 * start at once ({@code IN_PROGRESS}); the others are {@code QUEUED} until every app in {@code waitsFor} has
 * succeeded and every volume in {@code waitsForVolumes} is ready.
 */
@Schema(description = "A stack's apps in start order, each with its deployment and the apps it waits for.")
public record StackDeploymentView(String name, List<AppDeployment> apps) {

    /** One app of the stack; follow its deployment at {@code /api/v1/deployments/{deploymentId}}. */
    public record AppDeployment(String app, UUID deploymentId, String state, List<String> waitsFor,
            List<String> waitsForVolumes) {
    }
}
