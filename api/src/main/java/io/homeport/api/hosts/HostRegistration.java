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
                String, @Size(max = 255, message = "label values are at most 255 characters") String> labels) {

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

    /** The name to register under: the given one, or one derived from the address. */
    public String effectiveName() {
        return name != null ? name : nameFor(address);
    }

    /** A valid host name made from a DNS name or address: lower case, runs of other characters become '-'. */
    public static String nameFor(String addressOrHostname) {
        return addressOrHostname.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
