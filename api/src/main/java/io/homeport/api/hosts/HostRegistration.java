package io.homeport.api.hosts;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A request to add a host to the inventory.
 *
 * @param name    unique name; defaults to the address
 * @param address DNS name, IPv4 or IPv6 address the provisioner reaches it at over SSH
 * @param port    SSH port, default 22
 * @param user    SSH user with sudo, default {@code root}
 * @param labels  labels used by placement constraints
 * @param privateKey         the SSH private key (OpenSSH or PEM, no passphrase) the provisioner logs in with; kept
 *                           encrypted, never shown again
 * @param keyReference       instead of {@code privateKey}: the name of a key file in the provisioner's key
 *                           directory ({@code homeport.provisioner.ssh.key-directory})
 * @param hostKeyFingerprint the server's expected SSH host key, {@code SHA256:…} as {@code ssh-keygen -lf} prints
 *                           it; without it, the key offered on first contact is pinned
 */
@Schema(description = "A host to add to the inventory.")
public record HostRegistration(
        @Schema(examples = "web-1")
        @Size(max = 63, message = "must be at most 63 characters")
        @Pattern(regexp = NAME, message = "must be lower-case letters, digits and '-', starting with a letter or digit")
        String name,

        @Schema(required = true, examples = "192.0.2.10")
        @NotBlank(message = "is required")
        @Size(max = 253, message = "must be at most 253 characters")
        @Pattern(regexp = ADDRESS, message = "must be a DNS name, an IPv4 or an IPv6 address")
        String address,

        @Schema(defaultValue = "22")
        @Min(value = 1, message = "must be between 1 and 65535")
        @Max(value = 65535, message = "must be between 1 and 65535")
        Integer port,

        @Schema(defaultValue = "root")
        @Size(max = 32, message = "must be at most 32 characters")
        @Pattern(regexp = "[a-z_][a-z0-9_-]*", message = "must be a valid Unix user name")
        String user,

        @Size(max = 64, message = "must hold at most 64 labels")
        Map<@Pattern(regexp = LABEL_KEY, message = "label keys are letters, digits, '.', '_', '/' and '-'")
                String, @Size(max = 255, message = "label values are at most 255 characters") String> labels,

        @Schema(description = "SSH private key (OpenSSH or PEM format, no passphrase); write-only")
        @Size(max = 16_384, message = "must be at most 16384 characters")
        @Pattern(regexp = "(?s)\\s*-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----.*-----END [A-Z0-9 ]*PRIVATE KEY-----\\s*",
                message = "must be a private key in OpenSSH or PEM format (-----BEGIN ... PRIVATE KEY-----)")
        String privateKey,

        @Schema(description = "name of a key file in the provisioner's key directory, instead of privateKey",
                examples = "fleet-ed25519")
        @Size(max = 128, message = "must be at most 128 characters")
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "must be a file name: letters, digits, '.', '_' and '-'")
        String keyReference,

        @Schema(description = "expected SSH host key fingerprint", examples = "SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s")
        @Pattern(regexp = "SHA256:[A-Za-z0-9+/]{43}", message = "must be a SHA-256 fingerprint like SHA256:<43 base64 characters>")
        String hostKeyFingerprint) {

    static final String NAME = "[a-z0-9]([a-z0-9-]*[a-z0-9])?";
    static final String LABEL_KEY = "[A-Za-z0-9]([A-Za-z0-9._/-]{0,62})";
    /** A DNS name (RFC 1123 labels), a dotted-quad IPv4 address, or an IPv6 address. */
    static final String ADDRESS = "(?:(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}"
            + "[A-Za-z0-9])?)*)|(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)){3})"
            + "|(?:[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*)";

    public static final int DEFAULT_PORT = 22;
    public static final String DEFAULT_USER = "root";

    public HostRegistration {
        port = port == null ? DEFAULT_PORT : port;
        user = user == null ? DEFAULT_USER : user;
        labels = labels == null ? Map.of() : labels;
    }

    /** A registration without an SSH key: the host is provisioned once a key is known, or adopted by its agent. */
    public HostRegistration(String name, String address, Integer port, String user, Map<String, String> labels) {
        this(name, address, port, user, labels, null, null, null);
    }

    /** Never prints the private key. */
    @Override
    public String toString() {
        return "HostRegistration[name=" + name + ", address=" + address + ", port=" + port + ", user=" + user
                + ", labels=" + labels + ", privateKey=" + (privateKey == null ? "none" : "(hidden)")
                + ", keyReference=" + keyReference + ", hostKeyFingerprint=" + hostKeyFingerprint + "]";
    }

    /** The name to register under: the given one, or one derived from the address. */
    public String effectiveName() {
        return name != null ? name : nameFor(address);
    }

    /** A valid host name made from a DNS name or address: lower case, runs of other characters become '-'. */
    public static String nameFor(String addressOrHostname) {
        return addressOrHostname.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
