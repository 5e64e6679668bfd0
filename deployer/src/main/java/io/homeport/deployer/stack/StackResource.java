package io.homeport.deployer.stack;

import io.homeport.api.apps.AppSpec;
import io.homeport.api.apps.StackDeploymentView;
import io.homeport.api.apps.StackPreview;
import io.homeport.api.apps.StacksApi;
import io.homeport.deployer.app.AppSpecRules;
import io.homeport.deployer.compose.ComposeImport;
import io.homeport.deployer.compose.ComposeRejected;
import io.homeport.deployer.compose.ComposeStack;
import io.homeport.platform.problem.Problem;
import io.homeport.platform.problem.Problem.FieldError;
import io.homeport.platform.problem.ProblemException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Compose files, read into apps, previewed or deployed. Each app must then pass what a spec posted on its own must
 * pass: its field constraints and {@link AppSpecRules}; every error is named by its compose path.
 */
public class StackResource implements StacksApi {

    private final Validator validator;
    private final StackDeployments stacks;

    StackResource(Validator validator, StackDeployments stacks) {
        this.validator = validator;
        this.stacks = stacks;
    }

    @Override
    public StackPreview preview(String name, String compose) {
        ComposeStack stack = read(name, compose);
        return new StackPreview(stack.name(), stack.apps());
    }

    @Override
    public RestResponse<StackDeploymentView> deploy(String name, String compose) {
        return RestResponse.accepted(stacks.deploy(read(name, compose)));
    }

    /** The compose file as apps, or 422 listing every key that cannot be deployed as it is. */
    private ComposeStack read(String name, String compose) {
        ComposeStack stack;
        try {
            stack = ComposeImport.read(compose, name);
        } catch (ComposeRejected rejected) {
            throw unprocessable(rejected.offences().stream()
                    .map(offence -> new FieldError(offence.path(), offence.reason())).toList());
        }
        List<FieldError> errors = new ArrayList<>();
        for (AppSpec app : stack.apps()) {
            String service = stack.path(app) + ".";
            for (ConstraintViolation<AppSpec> violation : validator.validate(app)) {
                errors.add(new FieldError(service + violation.getPropertyPath(), violation.getMessage()));
            }
            AppSpecRules.check(app).forEach(error -> errors.add(new FieldError(service + error.field(),
                    error.message())));
        }
        if (!errors.isEmpty()) {
            throw unprocessable(errors);
        }
        return stack;
    }

    private static ProblemException unprocessable(List<FieldError> errors) {
        return new ProblemException(Problem.unprocessable(errors.size() + " compose key(s) cannot be deployed as they "
                + "are: " + String.join(", ", errors.stream().map(FieldError::field).toList()), errors));
    }
}
