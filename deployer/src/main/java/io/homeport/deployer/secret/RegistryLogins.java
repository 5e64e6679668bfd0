package io.homeport.deployer.secret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * The shape of a registry login kept as a secret, {@code {"username": "…", "password": "…"}}: the agent hands both
 * to Docker for the pull. Checked when an app names it, so a bad one is a 400 at deploy rather than a failed pull.
 */
final class RegistryLogins {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Why {@code value} is not a login, or empty when it is; never quotes the value. */
    static Optional<String> check(String value) {
        JsonNode login;
        try {
            login = JSON.readTree(value);
        } catch (IOException e) {
            return Optional.of("is not a registry login: it must be JSON {\"username\": …, \"password\": …}");
        }
        if (login == null || !login.path("username").isTextual() || login.path("username").asText().isBlank()
                || !login.path("password").isTextual() || login.path("password").asText().isEmpty()) {
            return Optional.of("is not a registry login: it must be JSON {\"username\": …, \"password\": …}");
        }
        return Optional.empty();
    }

    private RegistryLogins() {
    }
}
