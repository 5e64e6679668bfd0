package io.homeport.storage.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.homeport.agent.protocol.SecretSealing;
import io.homeport.testkit.Rclone;
import io.homeport.testkit.SftpCloud;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rendered rclone.conf works with the real rclone against a real {@code rclone serve sftp}. */
class RcloneConfigRendererIT {

    @TempDir
    Path work;

    @Test
    void aRenderedSftpRemoteIsUsableByRealRcloneAndItsPasswordsRevealBack() throws Exception {
        Path cloudDir = Files.createDirectories(work.resolve("cloud"));
        Files.writeString(cloudDir.resolve("hello.txt"), "hello from the cloud\n");
        try (SftpCloud cloud = SftpCloud.serve(cloudDir)) {
            String config = RcloneConfigRenderer.render(List.of(
                    new RcloneConfigRenderer.RemoteConfig("shared", "sftp", Map.of("host", "127.0.0.1",
                            "port", Integer.toString(cloud.port()), "user", cloud.user(), "pass", cloud.password(),
                            "shell_type", "unix", "md5sum_command", "md5sum")),
                    new RcloneConfigRenderer.RemoteConfig("archive", "webdav", Map.of("url",
                            "https://dav.example/", "pass", "dav secret"))));
            Path conf = work.resolve("rclone.conf");
            Files.writeString(conf, config);

            assertThat(config).doesNotContain(cloud.password()).doesNotContain("dav secret")
                    .contains("[archive]\ntype = webdav\n").contains("[shared]\ntype = sftp\n");
            assertThat(rclone(conf, "lsjson", "shared:")).contains("\"Name\":\"hello.txt\"");

            Path local = Files.createDirectories(work.resolve("local"));
            Files.writeString(local.resolve("up.txt"), "uploaded\n");
            rclone(conf, "copy", local.toString(), "shared:uploads");
            assertThat(cloudDir.resolve("uploads/up.txt")).hasContent("uploaded");
            rclone(conf, "copy", "shared:hello.txt", work.resolve("down").toString());
            assertThat(work.resolve("down/hello.txt")).hasContent("hello from the cloud");

            assertThat(rclone(conf, "reveal", "--", value(config, "shared", "pass")).strip()).isEqualTo(cloud.password());
            assertThat(rclone(conf, "reveal", "--", value(config, "archive", "pass")).strip()).isEqualTo("dav secret");
        }
    }

    @Test
    void obscuringTheSameValueTwiceGivesDifferentTextsThatRevealToIt() throws Exception {
        String first = RcloneObscure.obscure("p@ss wörd");
        String second = RcloneObscure.obscure("p@ss wörd");

        assertThat(first).isNotEqualTo(second).doesNotContain("=").doesNotContain("+").doesNotContain("/");
        Path conf = Files.writeString(work.resolve("empty.conf"), "");
        // An obscured text is base64url and may begin with '-': "--" keeps rclone from reading it as a flag.
        assertThat(rclone(conf, "reveal", "--", first).strip()).isEqualTo("p@ss wörd");
        assertThat(rclone(conf, "reveal", "--", second).strip()).isEqualTo("p@ss wörd");
    }

    @Test
    void aHostWithoutRemotesGetsAConfigItsAgentCanOpen() throws Exception {
        String config = RcloneConfigRenderer.render(List.of());
        var agentKey = SecretSealing.newKey();

        assertThat(SecretSealing.unseal(agentKey, SecretSealing.seal(SecretSealing.publicJwk(agentKey), config)))
                .isEqualTo(config).isNotEmpty();
        Path conf = Files.writeString(work.resolve("none.conf"), config);
        assertThat(rclone(conf, "listremotes").strip()).isEmpty();
    }

    private static String value(String config, String section, String key) {
        String body = config.substring(config.indexOf("[" + section + "]"));
        return body.lines().filter(line -> line.startsWith(key + " = ")).findFirst().orElseThrow()
                .substring(key.length() + 3);
    }

    private String rclone(Path conf, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(Rclone.require(), "--config", conf.toString()));
        argv.addAll(List.of(args));
        Path out = work.resolve("rclone.out");
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(out);
        assertThat(process.exitValue()).as("rclone %s: %s", String.join(" ", args), output).isZero();
        return output;
    }
}
