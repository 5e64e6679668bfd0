package io.homeport.agent.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.homeport.agent.docker.DockerClients;
import io.homeport.agent.protocol.Commands;
import io.homeport.agent.protocol.Frame;
import io.homeport.agent.protocol.SecretSealing;
import io.homeport.testkit.Rclone;
import io.homeport.testkit.SftpCloud;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rclone-config}: the sealed config opened and written 0600, then used by real rclone against SftpCloud. */
class RcloneConfigCommandIT {

    @TempDir
    Path dir;

    private final PublicJsonWebKey key = SecretSealing.newKey();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final Handler agentLog = new Handler() {
        @Override
        public void publish(LogRecord record) {
            log.add(record.getMessage() + " " + record.getThrown());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger agentLogger = Logger.getLogger("io.homeport.agent");
    private SftpCloud cloud;
    private Path config;
    private CommandRunner runner;

    @BeforeEach
    void start() {
        agentLogger.addHandler(agentLog);
        agentLogger.setLevel(Level.ALL);
        cloud = SftpCloud.serve(dir.resolve("cloud"));
        config = dir.resolve("etc/homeport/rclone.conf"); // its directory is not there yet either
        // the Docker client is never used here (no container commands); making one connects to nothing
        runner = new CommandRunner(DockerClients.connect(DockerClients.DEFAULT_HOST), Rclone.require(), config, key);
    }

    @AfterEach
    void stop() {
        agentLogger.removeHandler(agentLog);
        runner.close();
        cloud.close();
    }

    @Test
    void theSealedConfigIsWrittenOwnerOnlyAndWorksButIsNeverShown() throws Exception {
        String section = cloud.remoteSection("cloud");
        String obscured = obscuredPassword(section); // rclone obscure is salted: take the one in this config
        Files.createDirectories(dir.resolve("files"));
        Files.writeString(dir.resolve("files/f.txt"), "through the new config\n");

        Frame.Result written = runner.run(Commands.rcloneConfig(SecretSealing.seal(SecretSealing.publicJwk(key),
                section)), progress -> { });
        Frame.Result copied = runner.run(Commands.rclone("copy", dir.resolve("files").toString(), "cloud:copied",
                Map.of()), progress -> { });

        assertThat(written.succeeded()).as(written.output()).isTrue();
        assertThat(written.output()).isEqualTo("replaced the rclone config " + config + " ("
                + section.length() + " bytes, 1 remotes, mode 0600)");
        assertThat(Files.readString(config)).isEqualTo(section);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(config.getParent())) {
            assertThat(files).as("no partial file left").containsExactly(config);
        }
        assertThat(copied.succeeded()).as(copied.output()).isTrue();
        assertThat(dir.resolve("cloud/copied/f.txt")).hasContent("through the new config");
        assertThat(log).as("the agent's log is seen here").anyMatch(line -> line.contains(written.commandId()
                .toString()));
        for (String secret : List.of(cloud.password(), obscured)) {
            assertThat(written.output()).doesNotContain(secret);
            assertThat(copied.output()).doesNotContain(secret);
            assertThat(log).noneMatch(line -> line.contains(secret));
        }
    }

    private static String obscuredPassword(String section) {
        return section.lines().filter(line -> line.startsWith("pass = ")).findFirst().orElseThrow()
                .substring("pass = ".length());
    }

    @Test
    void aValueSealedToAnotherAgentIsInvalidAndTheConfigStaysAsItWas() throws Exception {
        Files.createDirectories(config.getParent());
        Files.writeString(config, "[old]\ntype = local\n");
        String otherAgent = SecretSealing.publicJwk(SecretSealing.newKey());
        String section = cloud.remoteSection("cloud");
        String password = obscuredPassword(section);

        Frame.Result result = runner.run(Commands.rcloneConfig(SecretSealing.seal(otherAgent, section)),
                progress -> { });

        assertThat(result.failure()).isEqualTo(Frame.Failure.INVALID);
        assertThat(result.output()).startsWith("sealed cannot be opened with this agent's key");
        assertThat(Files.readString(config)).isEqualTo("[old]\ntype = local\n");
        assertThat(result.output()).doesNotContain(password);
        assertThat(log).anyMatch(line -> line.contains(result.commandId().toString()))
                .noneMatch(line -> line.contains(password));
    }
}
