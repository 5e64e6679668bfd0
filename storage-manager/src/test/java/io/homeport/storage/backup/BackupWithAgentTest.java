package io.homeport.storage.backup;

import static io.homeport.testkit.ServiceCalls.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import io.homeport.agent.command.CommandRunner;
import io.homeport.agent.docker.DockerClients;
import io.homeport.agent.protocol.SecretSealing;
import io.homeport.events.EventTypes;
import io.homeport.events.Topics;
import io.homeport.events.agent.AgentConnected;
import io.homeport.events.storage.BackupCompleted;
import io.homeport.events.storage.BackupDeleted;
import io.homeport.storage.support.AgentHarness;
import io.homeport.storage.support.Events;
import io.homeport.testkit.FileTrees;
import io.homeport.storage.support.Leases;
import io.homeport.testkit.EventReader;
import io.homeport.testkit.EventWriter;
import io.homeport.testkit.InjectKafkaBroker;
import io.homeport.testkit.KafkaBroker;
import io.homeport.testkit.KafkaTestResource;
import io.homeport.testkit.PostgresTestResource;
import io.homeport.testkit.Rclone;
import io.homeport.testkit.SftpCloud;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Backups end to end inside the storage-manager with the real agent's command runner executing its commands
 * (rclone-config, backup, verify-backup, restore, delete-backup) with real rclone against two real
 * {@code rclone serve sftp} clouds as the {@code shared} and {@code backup} remotes.
 */
@QuarkusTest
@TestProfile(BackupWithAgentTest.LocalVolumesInTarget.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class BackupWithAgentTest {

    static final Path WORK = Path.of("target/backup-with-agent").toAbsolutePath();

    static final Path SHARED_CLOUD = WORK.resolve("shared-cloud");

    /**
     * Local-synced volumes live under target/; the "mount" of the shared remote is the directory the shared cloud
     * serves (what a host's rclone mount would show of it).
     */
    public static class LocalVolumesInTarget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("homeport.storage.local-volumes", WORK.resolve("volumes").toString(),
                    "homeport.storage.mount-path", SHARED_CLOUD.toString());
        }
    }

    @InjectKafkaBroker
    KafkaBroker broker;

    private final UUID host = UUID.randomUUID();
    private SftpCloud sharedCloud;
    private SftpCloud backupCloud;
    private CommandRunner runner;
    private AgentHarness agent;
    private Path rcloneConf;

    @BeforeEach
    void agentOnThisMachine() throws IOException {
        Rclone.require();
        Path run = Files.createDirectories(WORK.resolve(host.toString()));
        sharedCloud = SftpCloud.serve(SHARED_CLOUD);
        backupCloud = SftpCloud.serve(run.resolve("backup-cloud"));
        defineRemote("shared", sharedCloud);
        defineRemote("backup", backupCloud);

        PublicJsonWebKey key = SecretSealing.newKey();
        rcloneConf = run.resolve("rclone.conf");
        runner = new CommandRunner(DockerClients.connect(DockerClients.DEFAULT_HOST), Rclone.require(), rcloneConf,
                key);
        agent = new AgentHarness(broker.bootstrapServers(), host, command -> runner.run(command, progress -> { }));
        try (EventWriter writer = new EventWriter(broker.bootstrapServers())) {
            writer.publish(Topics.AGENT_REPORTS, Events.from("api-gateway", EventTypes.AGENT_CONNECTED,
                    host.toString(), new AgentConnected(host, "hub-1", null, SecretSealing.publicJwk(key),
                            Instant.now())));
        }
        // the agent got the whole config, sealed to its key, and wrote it where its rclone reads it
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(rcloneConf)
                && Files.readString(rcloneConf).contains("port = " + backupCloud.port())
                && Files.readString(rcloneConf).contains("port = " + sharedCloud.port()));
    }

    private static void defineRemote(String name, SftpCloud cloud) {
        given().contentType(ContentType.JSON).body(Map.of("type", "sftp", "options", Map.of("host", "127.0.0.1",
                "port", Integer.toString(cloud.port()), "user", cloud.user(), "pass", cloud.password(),
                "shell_type", "unix", "md5sum_command", "md5sum", "sha1sum_command", "sha1sum")))
                .put("/api/v1/remotes/" + name).then().statusCode(anyOf(is(200), is(201)));
    }

    @AfterEach
    void stop() {
        agent.close();
        runner.close();
        sharedCloud.close();
        backupCloud.close();
    }

    @Test
    void aLocalSyncedVolumeIsBackedUpRestoredVerifiedAndKeptByItsPolicy() throws Exception {
        String app = "vault-" + host.toString().substring(0, 8);
        // a local-synced volume is backed up from its synced copy, as the holder's last sync left it on the remote
        Path synced = FileTrees.volume(SHARED_CLOUD.resolve("synced").resolve(app).resolve("data").resolve("current"),
                1);
        Map<String, String> original = FileTrees.sha256s(synced);
        Path local = WORK.resolve("volumes").resolve(app).resolve("data");
        Leases.grant(broker.bootstrapServers(), app, "data", "local-synced", host);
        String volume = "/api/v1/volumes/" + app + "/data";
        given().contentType(ContentType.JSON).body("{\"enabled\": true, \"intervalMinutes\": 60, \"keepLast\": 2, "
                + "\"maxAgeDays\": 30}").put(volume + "/backup-policy").then().statusCode(200);
        Path backupsDir = backupCloud.directory().resolve("homeport-backups").resolve(app).resolve("data");

        try (EventReader storage = new EventReader(broker.bootstrapServers(), Topics.STORAGE)) {
            List<String> ids = new ArrayList<>();
            List<String> locations = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String id = given().post(volume + "/backups").then().statusCode(202).extract().path("id");
                ids.add(id);
                awaitCompleted(volume + "/backups/" + id);
                String location = given().get(volume + "/backups/" + id).then().extract().path("location");
                locations.add(location);
                if (i == 0) {
                    // the backup tree is the source, byte for byte
                    assertThat(FileTrees.sha256s(backupsDir.resolve(stamp(location)))).isEqualTo(original);
                }
            }
            List<BackupCompleted> completed = Events.payloads(storage.readFor(Duration.ofSeconds(1)),
                    EventTypes.BACKUP_COMPLETED).stream().filter(c -> c.app().equals(app)).toList();
            assertThat(completed).extracting(c -> c.backupId().toString()).containsExactlyElementsOf(ids);

            // keepLast 2 after 4 backups: exactly the 2 oldest are gone from the cloud, each with a backup.deleted
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(listing(backupsDir))
                    .containsExactlyInAnyOrder(stamp(locations.get(2)), stamp(locations.get(2)) + ".md5",
                            stamp(locations.get(3)), stamp(locations.get(3)) + ".md5"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Events.payloads(
                    storage.readFor(Duration.ofMillis(200)), EventTypes.BACKUP_DELETED).stream()
                    .filter(d -> d.app().equals(app)).map(BackupDeleted::backupId).map(UUID::toString))
                    .containsExactlyInAnyOrder(ids.get(0), ids.get(1)));
            given().get(volume + "/backups").then().body("state",
                    equalTo(List.of("COMPLETED", "COMPLETED", "DELETED", "DELETED")));

            // a restore into a directory of the volume is the source again, byte for byte
            String restore = given().contentType(ContentType.JSON).body("{\"path\": \"restored\"}")
                    .post(volume + "/backups/" + ids.get(3) + "/restore").then().statusCode(202).extract().path("id");
            awaitCompleted(volume + "/restores/" + restore);
            assertThat(FileTrees.sha256s(local.resolve("restored"))).isEqualTo(original);
            assertThat(Events.payloads(storage.readFor(Duration.ofSeconds(1)), EventTypes.BACKUP_RESTORED))
                    .anySatisfy(r -> assertThat(r.destination()).isEqualTo(local.resolve("restored").toString()));

            // one damaged file: the verification names it, the backup is CORRUPT and no longer restored
            Path damaged = backupsDir.resolve(stamp(locations.get(2))).resolve("notes/b.txt");
            Files.writeString(damaged, "HI\n"); // same size, other bytes
            given().post(volume + "/backups/" + ids.get(2) + "/verify").then().statusCode(202);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get(volume + "/backups/"
                    + ids.get(2)).then().body("state", equalTo("CORRUPT"))
                    .body("message", containsString("notes/b.txt")));
            assertThat(Events.payloads(storage.readFor(Duration.ofSeconds(1)), EventTypes.BACKUP_FAILED))
                    .anySatisfy(f -> assertThat(f.reason()).contains("notes/b.txt"));
            given().contentType(ContentType.JSON).body("{}").post(volume + "/backups/" + ids.get(2) + "/restore")
                    .then().statusCode(409);
            given().contentType(ContentType.JSON).body("{\"path\": \"../x\"}")
                    .post(volume + "/backups/" + ids.get(3) + "/restore").then().statusCode(400)
                    .body("detail", containsString("'..' is not allowed"));

            // the intact one passes its verification
            given().post(volume + "/backups/" + ids.get(3) + "/verify").then().statusCode(202);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get(volume + "/backups/"
                    + ids.get(3)).then().body("state", equalTo("COMPLETED"))
                    .body("verifiedAt", org.hamcrest.Matchers.notNullValue()));
        }
    }

    @Test
    void aSharedVolumeIsBackedUpFromTheRemoteAndRestoredThroughTheMount() throws Exception {
        String app = "wiki-" + host.toString().substring(0, 8);
        Path data = FileTrees.volume(sharedCloud.directory().resolve("apps").resolve(app).resolve("files"), 1);
        Map<String, String> original = FileTrees.sha256s(data);
        Leases.grant(broker.bootstrapServers(), app, "files", "shared", host);
        String volume = "/api/v1/volumes/" + app + "/files";

        String id = given().post(volume + "/backups").then().statusCode(202).extract().path("id");
        awaitCompleted(volume + "/backups/" + id);
        String location = given().get(volume + "/backups/" + id).then().extract().path("location");
        assertThat(FileTrees.sha256s(backupCloud.directory().resolve("homeport-backups").resolve(app)
                .resolve("files").resolve(stamp(location)))).isEqualTo(original);

        String restore = given().contentType(ContentType.JSON).body("{\"path\": \"old\"}")
                .post(volume + "/backups/" + id + "/restore").then().statusCode(202)
                .body("destination", equalTo(data.resolve("old").toString())).extract().path("id");
        awaitCompleted(volume + "/restores/" + restore);
        assertThat(FileTrees.sha256s(data.resolve("old"))).isEqualTo(original);
    }

    /** Waits for a backup or restore to be COMPLETED; fails at once, with its message, when it FAILED. */
    private static void awaitCompleted(String url) {
        await().atMost(Duration.ofSeconds(60)).failFast(() -> {
            String state = given().get(url).then().extract().path("state");
            if ("FAILED".equals(state)) {
                throw new AssertionError(url + " FAILED: " + given().get(url).then().extract().path("message"));
            }
            return false;
        }).untilAsserted(() -> given().get(url).then().body("state", equalTo("COMPLETED")));
    }

    private static String stamp(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static List<String> listing(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(p -> p.getFileName().toString()).toList();
        }
    }
}
