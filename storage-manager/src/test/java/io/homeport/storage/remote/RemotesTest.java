package io.homeport.storage.remote;

import static io.homeport.testkit.ServiceCalls.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.cloudevents.CloudEvent;
import io.homeport.agent.protocol.Commands;
import io.homeport.agent.protocol.SecretSealing;
import io.homeport.events.EventCodec;
import io.homeport.events.EventTypes;
import io.homeport.events.Topics;
import io.homeport.events.agent.AgentCommandRequested;
import io.homeport.events.agent.AgentConnected;
import io.homeport.storage.support.StorageTables;
import io.homeport.testkit.EventReader;
import io.homeport.testkit.EventWriter;
import io.homeport.testkit.InjectKafkaBroker;
import io.homeport.testkit.KafkaBroker;
import io.homeport.testkit.KafkaTestResource;
import io.homeport.testkit.PostgresTestResource;
import io.homeport.testkit.ServiceCalls;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.Test;

/** rclone remotes over HTTP, with real Kafka and PostgreSQL: validation, secrecy, delivery to agents. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class RemotesTest {

    @InjectKafkaBroker
    KafkaBroker broker;

    @Inject
    EntityManager entities;

    private static ValidatableResponse put(String name, String body) {
        return given().contentType(ContentType.JSON).body(body).put("/api/v1/remotes/" + name).then();
    }

    private static void refused(String name, String body, String reason) {
        put(name, body).statusCode(400).contentType("application/problem+json").body("detail", containsString(reason));
    }

    /** Only the gateway and other services, with a valid service token, may call the storage-manager directly. */
    @Test
    void itsApiAnswersOnlyCallsWithAValidServiceToken() {
        ServiceCalls.assertOnlyValidServiceTokensPass("/api/v1/remotes", 200);
    }

    @Test
    void badDefinitionsAreRefusedWithTheReason() {
        refused("r1", "{\"type\": \"dropbox\", \"options\": {}}", "'dropbox' is not a remote type Homeport knows: "
                + "drive, s3, sftp, webdav");
        refused("r1", "{\"options\": {}}", "type is required");
        refused("r1", "{\"type\": \"sftp\", \"options\": {\"host\": \"nas\", \"user\": \"me\"}}",
                "options.pass is required: give pass or key_pem");
        refused("r1", "{\"type\": \"sftp\", \"options\": {\"user\": \"me\", \"pass\": \"x\"}}",
                "options.host is required");
        refused("r1", "{\"type\": \"drive\", \"options\": {\"scope\": \"drive\"}}",
                "options.token is required: give token or service_account_credentials");
        refused("r1", "{\"type\": \"webdav\", \"options\": {\"user\": \"me\"}}", "options.url is required");
        refused("r1", "{\"type\": \"s3\", \"options\": {\"provider\": \"AWS\", \"access_key_id\": \"AK\"}}",
                "options.secret_access_key is required");
        refused("r1", "{\"type\": \"webdav\", \"options\": {\"url\": \"https://x/\", \"colour\": \"red\"}}",
                "options.colour is not an option of webdav remotes (known: bearer_token, headers,");
        refused("r1", "{\"type\": \"webdav\", \"options\": {\"url\": \"https://x/\", \"type\": \"sftp\"}}",
                "options.type is not an option of webdav remotes");
        refused("r1", "{\"type\": \"webdav\", \"options\": {\"url\": \"https://x/\\n[evil]\\ntype = local\"}}",
                "options.url must not contain a line break or other control character");
        refused("r1", "{\"type\": \"sftp\", \"options\": {\"host\": \"nas\", \"user\": \"me\", \"key_pem\": "
                + "\"-----BEGIN\\r\\nabc\"}}", "write the PEM's line breaks as \\n");
        refused("r1", "{\"type\": \"webdav\", \"options\": {\"url\": \"https://x/\\u0000\"}}",
                "options.url must not contain the NUL character (U+0000)");
        refused("Not_A_Name", "{\"type\": \"webdav\", \"options\": {\"url\": \"https://x/\"}}",
                "must be lower-case letters, digits and '-'");
        given().get("/api/v1/remotes/r1").then().statusCode(404);

        // s3 with env_auth needs no keys
        put("s3-env", "{\"type\": \"s3\", \"options\": {\"provider\": \"AWS\", \"env_auth\": \"true\", "
                + "\"region\": \"eu-west-1\"}}").statusCode(201).body("credentials.size()", equalTo(0));
    }

    @Test
    void credentialsAreNeverShownStoredInClearLoggedOrPutInAnyEvent() throws Exception {
        String sftpPass = "sftp-pass-" + UUID.randomUUID();
        String davPass = "dav-pass-" + UUID.randomUUID();
        String secretKey = "s3-secret-" + UUID.randomUUID();
        String token = "{\"access_token\":\"drive-" + UUID.randomUUID() + "\"}";
        List<String> secrets = List.of(sftpPass, davPass, secretKey, token);
        PublicJsonWebKey agentKey = SecretSealing.newKey();
        UUID hostId = UUID.randomUUID();

        try (EventWriter writer = new EventWriter(broker.bootstrapServers());
                EventReader commands = new EventReader(broker.bootstrapServers(), Topics.AGENT_COMMANDS);
                EventReader storage = new EventReader(broker.bootstrapServers(), Topics.STORAGE)) {
            writer.publish(Topics.AGENT_REPORTS, EventCodec.create(EventTypes.AGENT_CONNECTED,
                    URI.create("/homeport/api-gateway"), hostId.toString(), new AgentConnected(hostId, "hub-1", null,
                            SecretSealing.publicJwk(agentKey), Instant.now()), Clock.systemUTC()));
            // the connecting agent gets a config at once (empty or not)
            configFor(commands, hostId, agentKey, config -> true);

            List<String> bodies = new ArrayList<>();
            bodies.add(put("nas", "{\"type\": \"sftp\", \"options\": {\"host\": \"nas.lan\", \"user\": \"me\", \"pass\": \""
                    + sftpPass + "\", \"port\": \"2222\"}}").statusCode(201)
                    .body("options.host", equalTo("nas.lan")).body("credentials", equalTo(List.of("pass")))
                    .extract().asString());
            bodies.add(put("dav", "{\"type\": \"webdav\", \"options\": {\"url\": \"https://dav.lan/\", \"user\": \"me\", "
                    + "\"pass\": \"" + davPass + "\"}}").statusCode(201).extract().asString());
            bodies.add(put("objects", "{\"type\": \"s3\", \"options\": {\"provider\": \"Minio\", \"access_key_id\": \"AK1\", "
                    + "\"secret_access_key\": \"" + secretKey + "\", \"endpoint\": \"http://minio.lan\"}}")
                    .statusCode(201).body("credentials", equalTo(List.of("access_key_id", "secret_access_key")))
                    .extract().asString());
            bodies.add(put("gdrive", "{\"type\": \"drive\", \"options\": {\"scope\": \"drive\", \"token\": "
                    + "\"" + token.replace("\"", "\\\"") + "\"}}").statusCode(201).extract().asString());
            bodies.add(put("nas", "{\"type\": \"sftp\", \"options\": {\"host\": \"nas.lan\", \"user\": \"me\", \"pass\": \""
                    + sftpPass + "\"}}").statusCode(200).extract().asString());
            bodies.add(given().get("/api/v1/remotes").then().statusCode(200).body("name", hasItem("gdrive")).extract().asString());
            bodies.add(given().get("/api/v1/remotes/objects").then().statusCode(200).extract().asString());

            bodies.forEach(body -> secrets.forEach(secret -> assertThat(body).doesNotContain(secret)));
            assertThat(bodies.get(0)).contains("nas.lan");

            // the agent's latest config holds every remote, readable with its key only
            String config = configFor(commands, hostId, agentKey, c -> c.contains("[gdrive]") && !c.contains("port = 2222"));
            assertThat(config).contains("[dav]\ntype = webdav\n").contains("secret_access_key = " + secretKey)
                    .contains("token = " + token).doesNotContain(sftpPass).doesNotContain(davPass);

            String dump = StorageTables.dump(entities);
            assertThat(dump).contains("nas.lan");
            secrets.forEach(secret -> assertThat(StorageTables.holds(dump, secret)).as("stored in clear").isFalse());

            String events = text(commands.readFor(Duration.ofSeconds(1))) + text(storage.readFor(Duration.ofSeconds(1)));
            assertThat(events).contains(Commands.RCLONE_CONFIG);
            secrets.forEach(secret -> assertThat(events).doesNotContain(secret));
        }
        String log = Files.readString(Path.of("target/storage-manager-test.log"), StandardCharsets.UTF_8);
        assertThat(log).contains("storage-manager");
        secrets.forEach(secret -> assertThat(log).doesNotContain(secret));
    }

    @Test
    void aRemoteInUseCannotBeDeleted() {
        String sftp = "{\"type\": \"sftp\", \"options\": {\"host\": \"nas\", \"user\": \"me\", \"pass\": \"x\"}}";
        put("backup", sftp).statusCode(anyOf(is(200), is(201)));
        given().delete("/api/v1/remotes/backup").then().statusCode(409)
                .body("detail", containsString("it is the backup remote (homeport.storage.backup-remote)"));
        given().get("/api/v1/remotes/backup").then().body("roles", equalTo(List.of("BACKUP")));

        put("spare", sftp).statusCode(201);
        given().delete("/api/v1/remotes/spare").then().statusCode(204);
        given().get("/api/v1/remotes/spare").then().statusCode(404);
    }

    /** The config in the latest rclone-config command for the host that satisfies {@code wanted}, unsealed. */
    private static String configFor(EventReader commands, UUID hostId, PublicJsonWebKey key,
            Predicate<String> wanted) {
        Predicate<CloudEvent> match = event -> unsealed(event, hostId, key).filter(wanted).isPresent();
        List<ConsumerRecord<String, CloudEvent>> read = commands.readUntil(match, Duration.ofSeconds(30));
        return read.stream().map(ConsumerRecord::value).filter(match).reduce((a, b) -> b)
                .flatMap(event -> unsealed(event, hostId, key)).orElseThrow(() -> new AssertionError(
                        "no rclone-config command for host " + hostId + " matches"));
    }

    private static Optional<String> unsealed(CloudEvent event, UUID hostId, PublicJsonWebKey key) {
        if (!EventTypes.AGENT_COMMAND_REQUESTED.type().equals(event.getType())) {
            return Optional.empty();
        }
        AgentCommandRequested command = EventCodec.payload(event, EventTypes.AGENT_COMMAND_REQUESTED);
        if (!hostId.equals(command.hostId()) || !Commands.RCLONE_CONFIG.equals(command.kind())) {
            return Optional.empty();
        }
        assertThat(command.expiresAt()).isAfter(Instant.now().plus(Duration.ofMinutes(5)));
        return Optional.of(SecretSealing.unseal(key, command.args().get(Commands.SEALED_CONFIG)));
    }

    private static String text(List<ConsumerRecord<String, CloudEvent>> records) {
        StringBuilder all = new StringBuilder();
        records.forEach(r -> all.append(new String(EventCodec.write(r.value()), StandardCharsets.UTF_8)));
        return all.toString();
    }
}
