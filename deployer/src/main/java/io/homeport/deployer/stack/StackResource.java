package io.homeport.deployer.stack;

import io.homeport.api.apps.AppSpec;
import io.homeport.api.apps.StackPreview;
import io.homeport.api.apps.StacksApi;
import io.homeport.deployer.app.AppSpecRules;
import io.homeport.deployer.compose.ComposeImport;
import io.homeport.deployer.compose.ComposeRejected;
import io.homeport.deployer.compose.ComposeStack;
import io.homeport.platform.problem.Problem;
import io.homeport.platform.problem.Problem.FieldError;
import io.homeport.platform.problem.ProblemException;
import io.homeport.platform.problem.ProblemType;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;

/**
 * Compose files, read into apps. Each app must then pass what a spec posted on its own must pass: its field
 * constraints and {@link AppSpecRules}; every error is named by its compose path.
 */
public class StackResource implements StacksApi {

    private final Validator validator;

    StackResource(Validator validator) {
        this.validator = validator;
    }

    @Override
    public StackPreview preview(String name, String compose) {
        ComposeStack stack;
        try {
            stack = ComposeImport.read(compose, name);
        } catch (ComposeRejected rejected) {
            throw unprocessable(rejected.offences().stream()
                    .map(offence -> new FieldError(offence.path(), offence.reason())).toList());
        }
        List<FieldError> errors = new ArrayList<>();
        for (AppSpec app : stack.apps()) {
            String service = "services." + app.name().substring(stack.name().length() + 1) + ".";
            for (ConstraintViolation<AppSpec> violation : validator.validate(app)) {
                errors.add(new FieldError(service + violation.getPropertyPath(), violation.getMessage()));
            }
            AppSpecRules.check(app).forEach(error -> errors.add(new FieldError(service + error.field(),
                    error.message())));
        }
        if (!errors.isEmpty()) {
            throw unprocessable(errors);
        }
        return new StackPreview(stack.name(), stack.apps());
    }

    private static ProblemException unprocessable(List<FieldError> errors) {
        return new ProblemException(new Problem(ProblemType.UNPROCESSABLE.uri(), ProblemType.UNPROCESSABLE.title(),
                422, errors.size() + " compose key(s) cannot be deployed as they are: "
                        + String.join(", ", errors.stream().map(FieldError::field).toList()), null, errors));
    }
}
