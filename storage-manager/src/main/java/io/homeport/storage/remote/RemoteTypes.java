package io.homeport.storage.remote;

import static io.homeport.storage.remote.RemoteType.Requirement.each;
import static io.homeport.storage.remote.RemoteType.Requirement.oneOf;
import static io.homeport.storage.remote.RemoteType.Requirement.unless;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The rclone backends Homeport manages remotes of, and their options as rclone 1.60+ names them. Options that read
 * files on a host ({@code service_account_file}, {@code key_file}) or run commands there ({@code bearer_token_command},
 * {@code ssh}) are left out on purpose: a remote's secrets live here, encrypted, and are sent to hosts sealed.
 */
public final class RemoteTypes {

    private static final Map<String, RemoteType> TYPES = new TreeMap<>();

    static {
        add(new RemoteType("drive",
                Set.of("client_id", "client_secret", "token", "scope", "root_folder_id", "service_account_credentials",
                        "team_drive", "auth_owner_only", "use_trash", "skip_gdocs", "shared_with_me", "chunk_size",
                        "upload_cutoff", "acknowledge_abuse", "impersonate", "export_formats", "import_formats",
                        "pacer_min_sleep", "pacer_burst", "stop_on_upload_limit", "server_side_across_configs",
                        "auth_url", "token_url"),
                Set.of("token", "service_account_credentials", "client_secret"),
                Set.of(),
                List.of(oneOf("token", "service_account_credentials"))));
        add(new RemoteType("sftp",
                Set.of("host", "user", "port", "pass", "key_pem", "key_file_pass", "pubkey", "known_hosts_file",
                        "shell_type", "md5sum_command", "sha1sum_command", "disable_hashcheck", "set_modtime",
                        "path_override", "use_insecure_cipher", "idle_timeout", "chunk_size", "concurrency",
                        "skip_links", "subsystem", "server_command", "ciphers", "key_exchange", "macs",
                        "host_key_algorithms", "set_env", "use_fstat", "disable_concurrent_reads",
                        "disable_concurrent_writes"),
                Set.of("pass", "key_pem", "key_file_pass"),
                Set.of("pass", "key_file_pass"),
                concat(each("host", "user"), oneOf("pass", "key_pem"))));
        add(new RemoteType("webdav",
                Set.of("url", "vendor", "user", "pass", "bearer_token", "headers", "pacer_min_sleep",
                        "nextcloud_chunk_size", "owncloud_exclude_shares"),
                Set.of("pass", "bearer_token"),
                Set.of("pass"),
                each("url")));
        add(new RemoteType("s3",
                Set.of("provider", "env_auth", "access_key_id", "secret_access_key", "session_token", "region",
                        "endpoint", "location_constraint", "acl", "bucket_acl", "storage_class",
                        "server_side_encryption", "sse_kms_key_id", "sse_customer_algorithm", "sse_customer_key",
                        "upload_cutoff", "chunk_size", "upload_concurrency", "force_path_style", "v2_auth",
                        "no_check_bucket", "disable_checksum", "list_chunk"),
                Set.of("access_key_id", "secret_access_key", "session_token", "sse_customer_key"),
                Set.of(),
                List.of(unless("env_auth", "true", oneOf("access_key_id")),
                        unless("env_auth", "true", oneOf("secret_access_key")))));
    }

    private static void add(RemoteType type) {
        TYPES.put(type.name(), type);
    }

    private static List<RemoteType.Requirement> concat(List<RemoteType.Requirement> first,
            RemoteType.Requirement then) {
        List<RemoteType.Requirement> all = new ArrayList<>(first);
        all.add(then);
        return all;
    }

    public static Optional<RemoteType> find(String name) {
        return Optional.ofNullable(TYPES.get(name));
    }

    /** The known type names, for messages. */
    public static String known() {
        return String.join(", ", TYPES.keySet());
    }

    /** The type of a stored remote (stored remotes were validated). */
    public static RemoteType of(String name) {
        return find(name).orElseThrow(() -> new IllegalStateException("unknown remote type " + name));
    }

    private RemoteTypes() {
    }
}
