package io.homeport.agent.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.core.NameParser;
import io.homeport.agent.protocol.SealedSecret;
import io.homeport.agent.protocol.SecretSealing;
import java.io.IOException;
import org.jose4j.jwk.PublicJsonWebKey;

/**
 * A registry login from a desired state, opened for one pull: the sealed value is {@code {"username": …,
 * "password": …}}; the registry is the one the image reference names (Docker Hub when it names none), as
 * docker-java's {@code NameParser} reads it.
 */
final class RegistryLogin {

    private static final ObjectMapper JSON = new ObjectMapper();

    static AuthConfig open(String image, SealedSecret login, PublicJsonWebKey key) {
        JsonNode value;
        try {
            value = JSON.readTree(SecretSealing.unseal(key, login.sealed()));
        } catch (IllegalArgumentException | IOException e) {
            throw new IllegalStateException("registry login " + login.name() + " cannot be opened: "
                    + (e instanceof IOException ? "it is not JSON" : e.getMessage()));
        }
        String repository = NameParser.parseRepositoryTag(image.split("@", 2)[0]).repos;
        return new AuthConfig().withUsername(value.path("username").asText())
                .withPassword(value.path("password").asText())
                .withRegistryAddress(NameParser.resolveRepositoryName(repository).hostname);
    }

    private RegistryLogin() {
    }
}
