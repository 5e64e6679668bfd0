package io.homeport.deployer.secret;

import io.homeport.agent.protocol.SealedSecret;
import io.homeport.agent.protocol.SecretSealing;
import io.homeport.api.apps.AppSpec;
import io.homeport.api.secrets.SecretView;
import io.homeport.platform.problem.Problem;
import io.homeport.platform.problem.Problem.FieldError;
import io.homeport.platform.problem.ProblemException;
import io.homeport.platform.problem.ProblemType;
import io.homeport.platform.secret.MasterKey;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * App secrets (environment variables and registry logins): stored encrypted with the master key, one row per
 * version; bound to an app revision by version ({@link #bind}); opened only to be sealed to the agent of a host
 * that runs the app ({@link #seal}). No value
 * is ever logged, returned or put in an event in the clear.
 */
@ApplicationScoped
public class Secrets {

    private final MasterKey master;

    Secrets(MasterKey master) {
        this.master = master;
    }

    /** Stores a new secret (created: true) or a new version of one. */
    @Transactional
    public Stored put(String name, String value) {
        Instant now = Instant.now();
        Secret secret = Secret.findById(name, LockModeType.PESSIMISTIC_WRITE);
        boolean created = secret == null;
        if (created) {
            secret = new Secret();
            secret.name = name;
            secret.createdAt = now;
        }
        secret.version++;
        secret.updatedAt = now;
        if (created) {
            secret.persist();
        }
        SecretVersion stored = new SecretVersion();
        stored.name = name;
        stored.version = secret.version;
        stored.ciphertext = master.encrypt(value, SecretVersion.context(name, secret.version));
        stored.createdAt = now;
        stored.persist();
        return new Stored(view(secret, usage()), created);
    }

    public record Stored(SecretView view, boolean created) {
    }

    public List<SecretView> list() {
        Map<String, List<String>> usage = usage();
        return Secret.<Secret>listAll(Sort.by("name")).stream().map(secret -> view(secret, usage)).toList();
    }

    public SecretView get(String name) {
        return view(existing(name), usage());
    }

    @Transactional
    public void delete(String name) {
        Secret secret = existing(name);
        List<String> users = usage().getOrDefault(name, List.of());
        if (!users.isEmpty()) {
            throw new ProblemException(ProblemType.CONFLICT, "secret " + name + " is used by the current revision "
                    + "of " + String.join(", ", users) + ": deploy them without it first");
        }
        secret.delete();
    }

    /**
     * The current version of every secret {@code spec} refers to (its variables' and its registry login's), for its
     * new revision; 400 naming each field whose secret is not stored, or whose login is not a login.
     */
    public Map<String, Long> bind(AppSpec spec) {
        Map<String, Long> versions = new TreeMap<>();
        List<FieldError> errors = new ArrayList<>();
        spec.secrets().forEach((env, name) -> current(name, "secrets." + env, versions, errors));
        if (spec.registryCredentials() != null
                && current(spec.registryCredentials(), "registryCredentials", versions, errors)) {
            RegistryLogins.check(open(spec.registryCredentials(), versions.get(spec.registryCredentials())))
                    .ifPresent(why -> errors.add(new FieldError("registryCredentials", "secret "
                            + spec.registryCredentials() + " " + why)));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid(errors.size() + " secret(s) the spec refers to cannot be "
                    + "used: " + String.join(", ", errors.stream().map(FieldError::field).toList()), errors));
        }
        return versions;
    }

    private static boolean current(String name, String field, Map<String, Long> versions, List<FieldError> errors) {
        Secret secret = Secret.findById(name);
        if (secret == null) {
            errors.add(new FieldError(field, "no secret named " + name + " is stored: PUT /api/v1/secrets/" + name
                    + " first"));
            return false;
        }
        versions.put(name, secret.version);
        return true;
    }

    /**
     * The spec's secrets and registry login at the bound versions, each sealed to the agent whose public JWK is
     * {@code sealingKey}.
     */
    public Sealed seal(AppSpec spec, Map<String, Long> versions, String sealingKey) {
        List<SealedSecret> env = new ArrayList<>();
        new TreeMap<>(spec.secrets()).forEach((variable, name) -> env.add(new SealedSecret(variable, name,
                versions.get(name), SecretSealing.seal(sealingKey, open(name, versions.get(name))))));
        String login = spec.registryCredentials();
        return new Sealed(env, login == null ? null : new SealedSecret(null, login, versions.get(login),
                SecretSealing.seal(sealingKey, open(login, versions.get(login)))));
    }

    /** What a host's agent gets of an app's secrets; {@link #NONE} for an app without any. */
    public record Sealed(List<SealedSecret> env, SealedSecret registryLogin) {

        public static final Sealed NONE = new Sealed(List.of(), null);
    }

    private String open(String name, long version) {
        SecretVersion stored = SecretVersion.findById(new SecretVersion.Key(name, version));
        if (stored == null) {
            throw new IllegalStateException("version " + version + " of secret " + name + " is gone");
        }
        return master.decrypt(stored.ciphertext, SecretVersion.context(name, version));
    }

    /**
     * Secret name → the apps whose current (target) revision, or whose revision still queued, uses it: read from the
     * versions each revision was bound to, without reading any spec.
     */
    private static Map<String, List<String>> usage() {
        Map<String, List<String>> usage = new LinkedHashMap<>();
        List<?> rows = Secret.getEntityManager().createNativeQuery("""
                SELECT DISTINCT used.name, r.app FROM app_revision r
                CROSS JOIN LATERAL jsonb_object_keys(r.secret_versions) AS used(name)
                WHERE EXISTS (SELECT 1 FROM app a WHERE a.name = r.app AND a.target_revision = r.revision)
                   OR EXISTS (SELECT 1 FROM deployment d WHERE d.app = r.app AND d.revision = r.revision
                              AND d.state = 'QUEUED')
                ORDER BY r.app""").getResultList();
        for (Object row : rows) {
            Object[] pair = (Object[]) row;
            usage.computeIfAbsent((String) pair[0], name -> new ArrayList<>()).add((String) pair[1]);
        }
        return usage;
    }

    private static SecretView view(Secret secret, Map<String, List<String>> usage) {
        return new SecretView(secret.name, secret.version, secret.createdAt, secret.updatedAt,
                usage.getOrDefault(secret.name, List.of()));
    }

    private static Secret existing(String name) {
        Secret secret = Secret.findById(name);
        if (secret == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "no secret named " + name);
        }
        return secret;
    }
}
