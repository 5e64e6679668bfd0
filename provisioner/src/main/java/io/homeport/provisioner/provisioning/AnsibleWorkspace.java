package io.homeport.provisioner.provisioning;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The private directory one playbook run works in (mode 0700, removed when the run ends): the inventory of its one
 * host, the host's pinned key as known_hosts (so ssh refuses any other), the SSH private key, Homeport's variables
 * and, apart from them, the secrets (enrollment key, Tailscale auth key) in a 0600 file that only
 * {@code --extra-vars @file} reads. Nothing secret is ever on a command line, in the environment or in a log.
 */
final class AnsibleWorkspace implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;

    private AnsibleWorkspace(Path directory) {
        this.directory = directory;
    }

    /** What the playbook is run against and with. */
    record Target(String name, String address, int port, String user, String privateKey, String hostPublicKey) {

        @Override
        public String toString() {
            return "Target[" + user + "@" + address + ":" + port + " (" + name + ")]";
        }
    }

    static AnsibleWorkspace create(Target target, Map<String, Object> variables, Map<String, String> secrets) {
        try {
            Path directory = Files.createTempDirectory("homeport-provisioning-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            AnsibleWorkspace workspace = new AnsibleWorkspace(directory);
            workspace.write("id", target.privateKey().strip() + "\n");
            workspace.write("known_hosts", knownHost(target) + "\n");
            workspace.write("inventory.json", JSON.writeValueAsString(inventory(target, directory)));
            workspace.write("variables.json", JSON.writeValueAsString(variables));
            workspace.write("secrets.json", JSON.writeValueAsString(secrets));
            Files.createDirectories(directory.resolve("tmp"));
            return workspace;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the playbook's workspace", e);
        }
    }

    Path directory() {
        return directory;
    }

    Path inventory() {
        return directory.resolve("inventory.json");
    }

    Path variables() {
        return directory.resolve("variables.json");
    }

    Path secrets() {
        return directory.resolve("secrets.json");
    }

    /** Where ansible-playbook's standard error goes: read when it fails before any task does. */
    Path errors() {
        return directory.resolve("stderr.log");
    }

    /** Environment of the run: Ansible's own temp and SSH control sockets stay inside the workspace. */
    Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("ANSIBLE_STDOUT_CALLBACK", "ansible.posix.jsonl");
        environment.put("ANSIBLE_LOAD_CALLBACK_PLUGINS", "1");
        environment.put("ANSIBLE_NOCOLOR", "1");
        environment.put("ANSIBLE_RETRY_FILES_ENABLED", "0");
        environment.put("ANSIBLE_HOST_KEY_CHECKING", "1");
        environment.put("ANSIBLE_LOCAL_TEMP", directory.resolve("tmp").toString());
        environment.put("ANSIBLE_SSH_CONTROL_PATH_DIR", directory.resolve("tmp").toString());
        environment.put("PYTHONUNBUFFERED", "1");
        return environment;
    }

    private static Map<String, Object> inventory(Target target, Path directory) {
        Map<String, Object> host = new LinkedHashMap<>();
        host.put("ansible_host", target.address());
        host.put("ansible_port", target.port());
        host.put("ansible_user", target.user());
        host.put("ansible_ssh_private_key_file", directory.resolve("id").toString());
        host.put("ansible_ssh_common_args", String.join(" ", List.of(
                "-o UserKnownHostsFile=" + directory.resolve("known_hosts"),
                "-o StrictHostKeyChecking=yes", "-o IdentitiesOnly=yes", "-o PasswordAuthentication=no")));
        return Map.of("all", Map.of("hosts", Map.of(target.name(), host)));
    }

    /** The known_hosts entry ssh matches the host by: {@code [address]:port} unless the port is 22. */
    private static String knownHost(Target target) {
        String address = target.port() == 22 ? target.address() : "[" + target.address() + "]:" + target.port();
        return address + " " + target.hostPublicKey();
    }

    private void write(String name, String content) throws IOException {
        Path file = directory.resolve(name);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content);
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the playbook's workspace " + directory, e);
        }
    }
}
