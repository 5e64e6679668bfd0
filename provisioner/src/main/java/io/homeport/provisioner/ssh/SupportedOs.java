package io.homeport.provisioner.ssh;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The operating systems Homeport provisions: those its Ansible roles are written and tested for. Derivatives
 * ({@code ID_LIKE=ubuntu}) are refused too: their package names and repositories differ in ways the roles do not
 * handle.
 */
public final class SupportedOs {

    /** One supported release, by os-release {@code ID} and {@code VERSION_ID}. */
    record Release(String id, String versionId, String name) {
        @Override
        public String toString() {
            return name + " " + versionId;
        }
    }

    static final List<Release> SUPPORTED = List.of(
            new Release("ubuntu", "22.04", "Ubuntu"),
            new Release("ubuntu", "24.04", "Ubuntu"),
            new Release("debian", "12", "Debian"));

    /** Whether the host may be provisioned; when not, {@code reason} says why in words for its owner. */
    public record Decision(boolean supported, String reason) {
    }

    /** Decides from the fields of the host's {@code /etc/os-release}. */
    public static Decision decide(Map<String, String> osRelease) {
        String id = osRelease.getOrDefault("ID", "").strip();
        String versionId = osRelease.getOrDefault("VERSION_ID", "").strip();
        String supportedList = SUPPORTED.stream().map(Release::toString).collect(Collectors.joining(", "));
        if (id.isEmpty()) {
            return new Decision(false, "the operating system cannot be identified: /etc/os-release has no ID"
                    + " (supported: " + supportedList + ")");
        }
        boolean supported = SUPPORTED.stream().anyMatch(r -> r.id().equals(id) && r.versionId().equals(versionId));
        if (supported) {
            return new Decision(true, describe(osRelease, id, versionId) + " is supported");
        }
        return new Decision(false, describe(osRelease, id, versionId) + " is not supported (supported: "
                + supportedList + ")");
    }

    /** "Ubuntu 20.04", "Alpine Linux 3.20.3", "Debian GNU/Linux (no VERSION_ID)" (testing and unstable have none). */
    private static String describe(Map<String, String> osRelease, String id, String versionId) {
        String name = SUPPORTED.stream().filter(r -> r.id().equals(id)).map(Release::name).findFirst()
                .orElse(osRelease.getOrDefault("NAME", id).strip());
        return name + " " + (versionId.isEmpty() ? "(no VERSION_ID)" : versionId);
    }

    private SupportedOs() {
    }
}
