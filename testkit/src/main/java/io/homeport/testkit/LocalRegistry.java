package io.homeport.testkit;

import io.homeport.launcher.process.FreePorts;
import io.homeport.launcher.process.ManagedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real private container registry for tests: the CNCF Distribution registry from Debian's {@code docker-registry}
 * package on {@code 127.0.0.1} (which dockerd reaches over plain HTTP: loopback registries are insecure by
 * default), with one htpasswd user ({@code htpasswd} from {@code apache2-utils}, bcrypt as the registry requires).
 * Pulls without that user's login are refused, as from any private registry.
 */
public final class LocalRegistry implements AutoCloseable {

    private final ManagedProcess process;
    private final int port;

    private LocalRegistry(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts a registry keeping its data and log under {@code dir}, open to {@code user} with {@code password}. */
    public static LocalRegistry start(Path dir, String user, String password) {
        Unavailable.requireCommands("apt-get install docker-registry apache2-utils", "docker-registry", "htpasswd");
        try {
            Files.createDirectories(dir.resolve("data"));
            String entry = LocalCommand.run(Duration.ofSeconds(30), "htpasswd", "-nbB", user, password).orThrow()
                    .stdout().trim();
            Files.writeString(dir.resolve("htpasswd"), entry + "\n");
            int port = FreePorts.next();
            Path config = dir.resolve("config.yml");
            Files.writeString(config, """
                    version: 0.1
                    log: {level: info}
                    storage:
                      filesystem: {rootdirectory: %s}
                      delete: {enabled: true}
                    http:
                      addr: 127.0.0.1:%d
                    auth:
                      htpasswd: {realm: homeport-test, path: %s}
                    """.formatted(dir.resolve("data"), port, dir.resolve("htpasswd")));
            ManagedProcess process = ManagedProcess.start("registry", List.of("docker-registry", "serve",
                    config.toString()), Map.of(), dir.resolve("registry.log"), dir.resolve("registry.pid"));
            LocalRegistry registry = new LocalRegistry(process, port);
            process.awaitReady(registry::asksForLogin, Duration.ofSeconds(30));
            return registry;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code 127.0.0.1:<port>}, the host part of image references in this registry. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    private boolean asksForLogin() {
        try {
            HttpResponse<Void> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://" + address() + "/v2/")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() == 401;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(5));
    }
}
