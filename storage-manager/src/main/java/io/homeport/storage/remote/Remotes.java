package io.homeport.storage.remote;

import io.homeport.api.storage.RemoteDefinition;
import io.homeport.api.storage.RemoteView;
import io.homeport.platform.problem.ProblemException;
import io.homeport.platform.problem.ProblemType;
import io.homeport.storage.config.StorageConfig;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * rclone remotes: validated, stored with their credentials encrypted, shown without them, and sent to every host's
 * agent in the same transaction as each change ({@link RcloneConfigDelivery}).
 */
@ApplicationScoped
public class Remotes {

    private final RemoteCredentials credentials;
    private final RcloneConfigDelivery delivery;
    private final StorageConfig config;

    Remotes(RemoteCredentials credentials, RcloneConfigDelivery delivery, StorageConfig config) {
        this.credentials = credentials;
        this.delivery = delivery;
        this.config = config;
    }

    public record Stored(RemoteView view, boolean created) {
    }

    @Transactional
    public Stored put(String name, RemoteDefinition definition) {
        RemoteType type = RemoteValidation.check(definition);
        Instant now = Instant.now();
        Remote remote = Remote.findById(name, LockModeType.PESSIMISTIC_WRITE);
        boolean created = remote == null;
        if (created) {
            remote = new Remote();
            remote.name = name;
            remote.createdAt = now;
        }
        Map<String, String> secrets = type.split(definition.options(), true);
        remote.type = type.name();
        remote.options = type.split(definition.options(), false);
        remote.credentialNames = new ArrayList<>(secrets.keySet());
        remote.credentials = credentials.encrypt(name, secrets);
        remote.updatedAt = now;
        if (created) {
            remote.persist();
        }
        delivery.toAllHosts();
        return new Stored(view(remote), created);
    }

    public List<RemoteView> list() {
        return Remote.<Remote>listAll(Sort.by("name")).stream().map(this::view).toList();
    }

    public RemoteView get(String name) {
        return view(existing(name));
    }

    /** 409 while Homeport uses the remote: as the shared or backup remote, in a backup policy, or for backups. */
    @Transactional
    public void delete(String name) {
        Remote remote = existing(name);
        List<String> uses = uses(name);
        if (!uses.isEmpty()) {
            throw new ProblemException(ProblemType.CONFLICT, "remote " + name + " is in use: "
                    + String.join("; ", uses));
        }
        remote.delete();
        delivery.toAllHosts();
    }

    private List<String> uses(String name) {
        List<String> uses = new ArrayList<>(roles(name).stream().map(role -> "it is the " + role.toLowerCase()
                + " remote (homeport.storage." + role.toLowerCase() + "-remote)").toList());
        long policies = count("SELECT count(*) FROM volume WHERE backup_remote = ?1", name);
        if (policies > 0) {
            uses.add(policies + " volume backup polic" + (policies == 1 ? "y sends" : "ies send") + " backups to it");
        }
        long backups = count("SELECT count(*) FROM backup WHERE remote = ?1 AND state <> 'DELETED'", name);
        if (backups > 0) {
            uses.add(backups + " backup(s) are kept on it");
        }
        return uses;
    }

    private static long count(String sql, String name) {
        return ((Number) Remote.getEntityManager().createNativeQuery(sql).setParameter(1, name).getSingleResult())
                .longValue();
    }

    private List<String> roles(String name) {
        List<String> roles = new ArrayList<>();
        if (name.equals(config.sharedRemote())) {
            roles.add("SHARED");
        }
        if (name.equals(config.backupRemote())) {
            roles.add("BACKUP");
        }
        return roles;
    }

    private RemoteView view(Remote remote) {
        return new RemoteView(remote.name, remote.type, remote.options, List.copyOf(remote.credentialNames),
                roles(remote.name), remote.createdAt, remote.updatedAt);
    }

    private static Remote existing(String name) {
        Remote remote = Remote.findById(name);
        if (remote == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "no remote named " + name);
        }
        return remote;
    }

    /** Whether a remote of that name is defined. */
    public boolean exists(String name) {
        return Remote.count("name", name) > 0;
    }
}
