package io.homeport.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.homeport.launcher.process.FreePorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real Keycloak (brief §7), from its Maven Central distribution ({@code org.keycloak:keycloak-quarkus-dist}, a zip
 * the e2e module copies to {@code target/keycloak}, its path in the system property {@value #DISTRIBUTION}): unpacked
 * into a fresh temporary directory, the given realms imported at start ({@code start-dev --import-realm}), on free
 * loopback ports, without an admin user. Ready once every realm's discovery document answers; {@link #close()} stops
 * it and removes the directory. It needs no Docker.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String DISTRIBUTION = "homeport.keycloak.distribution";
    /** 10–25 s on a quiet machine (most of it the dev-mode build); minutes on a busy one. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Duration startup;

    private KeycloakServer(Path directory, Process process, int port) {
        this.directory = directory;
        this.process = process;
        this.port = port;
    }

    /** Unpacks the distribution named by {@value #DISTRIBUTION}, imports {@code realms} (realm JSON exports), starts. */
    public static KeycloakServer start(List<String> realms) {
        String zip = System.getProperty(DISTRIBUTION);
        if (zip == null || !Files.isRegularFile(Path.of(zip))) {
            throw new IllegalStateException("Keycloak's distribution is missing (" + DISTRIBUTION + " = " + zip
                    + "): the e2e module's build copies it there (org.keycloak:keycloak-quarkus-dist, zip)");
        }
        long began = System.nanoTime();
        try {
            Path directory = Files.createTempDirectory("homeport-keycloak");
            unpack(Path.of(zip), directory);
            Path imports = Files.createDirectories(directory.resolve("data/import"));
            List<String> names = new ArrayList<>();
            for (String realm : realms) {
                String name = JSON.readTree(realm).path("realm").asText();
                names.add(name);
                Files.writeString(imports.resolve(name + "-realm.json"), realm);
            }
            int port = FreePorts.next();
            ProcessBuilder builder = new ProcessBuilder("sh", directory.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + FreePorts.next(),
                    "--import-realm")
                    .directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(directory.resolve("keycloak.log").toFile());
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            KeycloakServer server = new KeycloakServer(directory, builder.start(), port);
            server.awaitRealms(names);
            server.startup = Duration.ofNanos(System.nanoTime() - began);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Keycloak", e);
        }
    }

    /** e.g. {@code http://127.0.0.1:41234} */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The issuer of a realm's tokens, what the gateway's {@code HOMEPORT_OIDC_URL} names. */
    public String issuer(String realm) {
        return url() + "/realms/" + realm;
    }

    /** From unpacking to every realm ready. */
    public Duration startup() {
        return startup;
    }

    /** The access token of a password grant (the client must allow direct access grants). */
    public String passwordGrant(String realm, String clientId, String user, String password) {
        String form = Map.of("grant_type", "password", "client_id", clientId, "username", user,
                        "password", password, "scope", "openid").entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer(realm) + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("password grant for " + user + " at " + clientId + " refused: "
                        + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a token, unverified: what a test wants to look at. */
    public static JsonNode claims(String token) {
        try {
            return JSON.readTree(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path log() {
        return directory.resolve("keycloak.log");
    }

    @Override
    public void close() {
        // kc.sh forwards SIGTERM to its JVM; the JVM is stopped directly too, should the script be gone
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                descendants.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            for (ProcessHandle child : descendants) {
                child.onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            descendants.forEach(ProcessHandle::destroyForcibly);
        }
        delete(directory);
    }

    private void awaitRealms(List<String> realms) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        for (String realm : realms) {
            HttpRequest discovery = HttpRequest.newBuilder(
                    URI.create(issuer(realm) + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(5))
                    .build();
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Keycloak exited (" + process.exitValue() + "): " + tail());
                }
                try {
                    if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                if (System.nanoTime() > deadline) {
                    String log = tail();
                    close();
                    throw new IllegalStateException("Keycloak not ready within " + START_TIMEOUT + ": " + log);
                }
                sleep();
            }
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The zip holds one top directory ({@code keycloak-<version>/}); its content goes straight into {@code target}. */
    private static void unpack(Path zip, Path target) throws IOException {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                Path path = target.resolve(name.substring(slash + 1)).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("entry outside the distribution: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(entries, path);
                }
            }
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + directory, e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
