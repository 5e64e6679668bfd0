package io.homeport.deployer.stack;

import io.homeport.api.apps.AppSpec;
import io.homeport.api.apps.StackDeploymentView;
import io.homeport.deployer.app.App;
import io.homeport.deployer.app.Apps;
import io.homeport.deployer.compose.ComposeStack;
import io.homeport.deployer.placement.PlacementDecision;
import io.homeport.deployer.rollout.Deployment;
import io.homeport.platform.problem.Problem;
import io.homeport.platform.problem.Problem.FieldError;
import io.homeport.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Deploys a stack in one transaction: a new revision and a deployment per app, in start order. An app that depends
 * on none of the others starts at once; the others stay {@code QUEUED} (stored, but on no host) until
 * {@link DeploymentQueue} starts them. Every app must be placeable now, so that a stack that cannot run is refused
 * whole (422 naming each service's hosts) rather than half deployed; a queued app is placed again when it starts.
 */
@ApplicationScoped
public class StackDeployments {

    private final Apps apps;

    StackDeployments(Apps apps) {
        this.apps = apps;
    }

    @Transactional
    public StackDeploymentView deploy(ComposeStack stack) {
        UUID stackId = UUID.randomUUID();
        Set<String> inStack = stack.apps().stream().map(AppSpec::name).collect(Collectors.toSet());
        List<String> unplaceable = new ArrayList<>();
        List<FieldError> refusals = new ArrayList<>();
        List<StackDeploymentView.AppDeployment> deployments = new ArrayList<>();
        for (AppSpec spec : stack.apps()) {
            App app = apps.lockedOrNew(spec.name());
            apps.refuseWhileDeploying(app.name);
            PlacementDecision decision = apps.place(app.name, spec);
            if (!decision.placed()) {
                unplaceable.add(app.name);
                decision.refusals().forEach((host, why) ->
                        refusals.add(new FieldError(stack.path(spec) + ".hosts." + host, why)));
                continue;
            }
            Deployment deployment = apps.queue(app, spec);
            deployment.stackId = stackId;
            deployment.waitsFor = spec.dependsOn().stream().filter(inStack::contains).toList();
            apps.requestVolumes(deployment, spec, decision);
            if (deployment.waitsFor.isEmpty() && deployment.waitsForVolumes.isEmpty()) {
                apps.start(deployment, decision);
            }
            deployments.add(new StackDeploymentView.AppDeployment(app.name, deployment.id, deployment.state.name(),
                    deployment.waitsFor, deployment.waitsForVolumes));
        }
        if (!unplaceable.isEmpty()) {
            throw new ProblemException(Problem.unprocessable("no host can run every replica of "
                    + String.join(", ", unplaceable), refusals));
        }
        return new StackDeploymentView(stack.name(), deployments);
    }
}
