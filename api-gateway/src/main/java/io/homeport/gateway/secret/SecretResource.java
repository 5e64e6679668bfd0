package io.homeport.gateway.secret;

import io.homeport.api.secrets.SecretValue;
import io.homeport.api.secrets.SecretView;
import io.homeport.api.secrets.SecretsApi;
import io.homeport.gateway.client.DeployerClient;
import io.homeport.gateway.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestResponse;

/** App secrets for users; the deployer keeps them. Only admins and operators may store or remove one. */
@SecurityRequirement(name = "bearer")
public class SecretResource implements SecretsApi {

    private final DeployerClient deployer;

    SecretResource(DeployerClient deployer) {
        this.deployer = deployer;
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    public List<SecretView> list() {
        return deployer.secrets();
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    public SecretView get(String name) {
        return deployer.secret(name);
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public RestResponse<SecretView> put(String name, SecretValue value) {
        RestResponse<SecretView> stored = deployer.putSecret(name, value);
        return RestResponse.status(RestResponse.Status.fromStatusCode(stored.getStatus()), stored.getEntity());
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public RestResponse<Void> delete(String name) {
        deployer.deleteSecret(name);
        return RestResponse.noContent();
    }
}
