package io.homeport.gateway.storage;

import com.sun.net.httpserver.HttpExchange;
import io.homeport.api.storage.BackupPolicy;
import io.homeport.api.storage.BackupView;
import io.homeport.api.storage.RemoteDefinition;
import io.homeport.api.storage.RemoteView;
import io.homeport.api.storage.RestoreView;
import io.homeport.api.storage.VolumeView;
import io.homeport.gateway.client.DownstreamStandIn;
import io.homeport.platform.problem.Problem;
import io.homeport.platform.problem.ProblemType;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for the storage-manager behind the gateway in the gateway's tests: an HTTP server on loopback that answers
 * {@code RemotesApi} and {@code VolumesApi} as their contracts say (paths, status codes, JSON bodies, problem+json
 * errors, a {@code Location} at itself for what it starts), from fixed data: remotes {@code nas} (the shared remote,
 * so it cannot be deleted) and {@code old-nas}; volumes {@code notes/data} (leased to {@link #HOLDER}, with backup
 * {@link #BACKUP}) and {@code notes/cache} (no lease, so it cannot be backed up). It keeps no state: what a call
 * would change is answered, not remembered.
 */
public class StorageManagerStandIn extends DownstreamStandIn {

    public static final UUID HOLDER = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    public static final UUID BACKUP = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    public static final UUID RESTORE = UUID.fromString("00000000-0000-0000-0000-0000000000c1");

    /** rclone option names that are credentials: stored, never shown. */
    private static final Set<String> CREDENTIALS = Set.of("pass", "token", "client_secret", "secret_access_key",
            "service_account_credentials", "key_pem", "bearer_token");
    private static final Set<String> TYPES = Set.of("drive", "sftp", "webdav", "s3");
    private static final Instant CREATED = Instant.parse("2026-11-20T08:00:00Z");
    private static final Pattern VOLUME = Pattern.compile(
            "/api/v1/volumes/([^/]+)/([^/]+)(/backup-policy|/backups(?:/([^/]+)(/verify|/restore)?)?|/restores/([^/]+))?");
    private static final Pattern REMOTE = Pattern.compile("/api/v1/remotes(?:/([^/]+))?");

    public StorageManagerStandIn() {
        super("storage-manager");
    }

    @Override
    protected void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Matcher remote = REMOTE.matcher(path);
            Matcher volume = VOLUME.matcher(path);
            Answer answer = remote.matches() ? remotes(exchange, remote.group(1))
                    : volume.matches() ? volumes(exchange, volume)
                    : path.equals("/api/v1/volumes") ? allVolumes(exchange)
                    : problem(ProblemType.NOT_FOUND, "no such resource: " + path);
            byte[] body = answer.body == null ? new byte[0] : json.writeValueAsBytes(answer.body);
            if (answer.body != null) {
                exchange.getResponseHeaders().set("Content-Type", answer.body instanceof Problem
                        ? Problem.MEDIA_TYPE : "application/json");
            }
            if (answer.location != null) {
                exchange.getResponseHeaders().set("Location", base() + answer.location);
            }
            exchange.sendResponseHeaders(answer.status, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private Answer remotes(HttpExchange exchange, String name) throws IOException {
        String method = exchange.getRequestMethod();
        if (name == null) {
            return method.equals("GET") ? ok(List.of(nas(), oldNas())) : notAllowed();
        }
        return switch (method) {
            case "GET" -> name.equals("nas") ? ok(nas()) : name.equals("old-nas") ? ok(oldNas())
                    : problem(ProblemType.NOT_FOUND, "no remote named " + name);
            case "PUT" -> putRemote(name, json.readValue(exchange.getRequestBody(), RemoteDefinition.class));
            case "DELETE" -> name.equals("nas") ? problem(ProblemType.CONFLICT, "nas is the shared remote")
                    : name.equals("old-nas") ? new Answer(204, null, null)
                    : problem(ProblemType.NOT_FOUND, "no remote named " + name);
            default -> notAllowed();
        };
    }

    private Answer putRemote(String name, RemoteDefinition definition) {
        if (!TYPES.contains(definition.type())) {
            return new Answer(400, Problem.invalidField("type", "must be drive, sftp, webdav or s3, not "
                    + definition.type()), null);
        }
        Map<String, String> shown = new TreeMap<>(definition.options());
        shown.keySet().removeAll(CREDENTIALS);
        List<String> credentials = definition.options().keySet().stream().filter(CREDENTIALS::contains).sorted()
                .toList();
        boolean replaced = name.equals("nas");
        RemoteView view = new RemoteView(name, definition.type(), shown, credentials,
                replaced ? List.of("SHARED") : List.of(), replaced ? CREATED : Instant.now(), Instant.now());
        return replaced ? ok(view) : new Answer(201, view, "/api/v1/remotes/" + name);
    }

    private static Answer allVolumes(HttpExchange exchange) {
        return exchange.getRequestMethod().equals("GET")
                ? ok(List.of(volume("notes", "cache", null), volume("notes", "data", null))) : notAllowed();
    }

    private Answer volumes(HttpExchange exchange, Matcher path) throws IOException {
        String app = path.group(1);
        String name = path.group(2);
        String rest = path.group(3) == null ? "" : path.group(3);
        String method = exchange.getRequestMethod();
        VolumeView volume = volume(app, name, null);
        if (volume == null) {
            return problem(ProblemType.NOT_FOUND, "no volume " + app + "/" + name);
        }
        if (rest.isEmpty()) {
            return method.equals("GET") ? ok(volume) : notAllowed();
        }
        if (rest.equals("/backup-policy")) {
            return method.equals("PUT")
                    ? ok(volume(app, name, json.readValue(exchange.getRequestBody(), BackupPolicy.class)))
                    : notAllowed();
        }
        if (path.group(6) != null) {
            return UUID.fromString(path.group(6)).equals(RESTORE) && method.equals("GET")
                    ? ok(restore("COMPLETED")) : problem(ProblemType.NOT_FOUND, "no restore " + path.group(6));
        }
        if (path.group(4) == null) {
            return switch (method) {
                case "GET" -> ok(List.of(backup("COMPLETED", BACKUP)));
                case "POST" -> volume.holderHostId() == null
                        ? problem(ProblemType.CONFLICT, "no host holds the lease of " + app + "/" + name)
                        : started(backup("RUNNING", UUID.randomUUID()));
                default -> notAllowed();
            };
        }
        if (!UUID.fromString(path.group(4)).equals(BACKUP)) {
            return problem(ProblemType.NOT_FOUND, "no backup " + path.group(4) + " of " + app + "/" + name);
        }
        String action = path.group(5) == null ? "" : path.group(5);
        return switch (method + " " + action) {
            case "GET " -> ok(backup("COMPLETED", BACKUP));
            case "DELETE " -> ok(backup("DELETED", BACKUP));
            case "POST /verify" -> started(backup("COMPLETED", BACKUP));
            case "POST /restore" -> new Answer(202, restore("RUNNING"), "/api/v1/volumes/notes/data/restores/"
                    + RESTORE);
            default -> notAllowed();
        };
    }

    private static VolumeView volume(String app, String name, BackupPolicy policy) {
        if (!app.equals("notes") || !(name.equals("data") || name.equals("cache"))) {
            return null;
        }
        boolean leased = name.equals("data");
        return new VolumeView(app, name, leased ? "local-synced" : "shared", "cloud:homeport/volumes/notes/" + name,
                leased ? HOLDER : null, leased ? 3 : 0, leased ? CREATED : null, leased ? CREATED : null,
                leased ? Boolean.TRUE : null, policy, CREATED);
    }

    private static BackupView backup(String state, UUID id) {
        return new BackupView(id, "notes", "data", state, "cloud:homeport/backups/notes/data/" + id, HOLDER,
                CREATED, state.equals("RUNNING") ? null : CREATED, null, null);
    }

    private static RestoreView restore(String state) {
        return new RestoreView(RESTORE, BACKUP, "notes", "data", HOLDER, "/srv/homeport/volumes/notes/data", state,
                CREATED, state.equals("RUNNING") ? null : CREATED, null);
    }

    private static RemoteView nas() {
        return new RemoteView("nas", "sftp", Map.of("host", "nas.lan", "user", "homeport"), List.of("pass"),
                List.of("SHARED"), CREATED, CREATED);
    }

    private static RemoteView oldNas() {
        return new RemoteView("old-nas", "sftp", Map.of("host", "old-nas.lan"), List.of("pass"), List.of(), CREATED,
                CREATED);
    }

    private static Answer started(BackupView backup) {
        return new Answer(202, backup, "/api/v1/volumes/notes/data/backups/" + backup.id());
    }

    private static Answer ok(Object body) {
        return new Answer(200, body, null);
    }

    private static Answer problem(ProblemType type, String detail) {
        return new Answer(type.status(), Problem.of(type, detail), null);
    }

    private static Answer notAllowed() {
        return new Answer(405, Problem.ofStatus(405, "not a method of this resource"), null);
    }

    /** @param location a path on this stand-in, or null */
    private record Answer(int status, Object body, String location) {
    }
}
