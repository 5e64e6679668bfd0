package io.homeport.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.homeport.launcher.process.ManagedProcess;
import io.homeport.testkit.AgentProcess;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** An agent on this machine's dockerd, enrolled through the gateway with a one-use key as a user would do it. */
record EnrolledAgent(ManagedProcess process, UUID hostId) {

    /**
     * Issues a one-use enrollment key, starts the agent with it (full reports every 2 s, its own rclone config) and
     * waits until it enrolled.
     */
    static EnrolledAgent start(String gateway, String adminToken, Path home, Map<String, String> environment)
            throws Exception {
        String key = given().auth().oauth2(adminToken).contentType(ContentType.JSON)
                .body("{\"kind\":\"REUSABLE\",\"maxUses\":1}").post(gateway + "/api/v1/enrollment-keys")
                .then().statusCode(201).extract().path("key");
        Path state = home.resolve("agent");
        Map<String, String> env = new HashMap<>(Map.of("HOMEPORT_GATEWAY_URL", gateway, "HOMEPORT_ENROLLMENT_KEY",
                key, "HOMEPORT_AGENT_SNAPSHOT", "PT2S", "HOMEPORT_RCLONE_CONFIG",
                home.resolve("agent-rclone.conf").toString()));
        env.putAll(environment);
        ManagedProcess agent = AgentProcess.start(Path.of(".."), state, env);
        Path credential = state.resolve("credential.json");
        await("the agent enrolls").atMost(Duration.ofSeconds(60)).until(() -> Files.exists(credential));
        UUID hostId = UUID.fromString(new ObjectMapper().readTree(credential.toFile()).path("hostId").asText());
        return new EnrolledAgent(agent, hostId);
    }
}
