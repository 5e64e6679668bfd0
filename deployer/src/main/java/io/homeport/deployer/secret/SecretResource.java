package io.homeport.deployer.secret;

import io.homeport.api.secrets.SecretValue;
import io.homeport.api.secrets.SecretView;
import io.homeport.api.secrets.SecretsApi;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/** App secrets: names and versions out, values in only. */
public class SecretResource implements SecretsApi {

    private final Secrets secrets;

    SecretResource(Secrets secrets) {
        this.secrets = secrets;
    }

    @Override
    public List<SecretView> list() {
        return secrets.list();
    }

    @Override
    public SecretView get(String name) {
        return secrets.get(name);
    }

    @Override
    public RestResponse<SecretView> put(String name, SecretValue value) {
        Secrets.Stored stored = secrets.put(name, value.value());
        return RestResponse.status(stored.created() ? RestResponse.Status.CREATED : RestResponse.Status.OK,
                stored.view());
    }

    @Override
    public RestResponse<Void> delete(String name) {
        secrets.delete(name);
        return RestResponse.noContent();
    }
}
