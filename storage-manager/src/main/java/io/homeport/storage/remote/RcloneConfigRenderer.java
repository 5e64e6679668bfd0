package io.homeport.storage.remote;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders a whole {@code rclone.conf} (INI: one {@code [name]} section per remote, {@code key = value} lines) from
 * the remotes' definitions, password options obscured the way rclone reads them. Pure: the same remotes give the
 * same file but for the obscured values' random IVs. Names, keys and values were validated when the remotes were
 * stored (DNS-label names, known option keys, no control characters), so nothing here can break a line.
 */
public final class RcloneConfigRenderer {

    /** A remote with every option in clear, credentials included. */
    public record RemoteConfig(String name, String type, Map<String, String> options) {
    }

    /** Opens every config: whoever opens the file on a host learns where it comes from and that edits are lost. */
    static final String HEADER = "# Written by Homeport's storage-manager for this host; changes here are replaced.\n";

    public static String render(List<RemoteConfig> remotes) {
        StringBuilder ini = new StringBuilder(HEADER);
        remotes.stream().sorted(Comparator.comparing(RemoteConfig::name)).forEach(remote -> {
            RemoteType type = RemoteTypes.of(remote.type());
            ini.append('[').append(remote.name()).append("]\n");
            ini.append("type = ").append(type.name()).append('\n');
            new TreeMap<>(remote.options()).forEach((key, value) -> ini.append(key).append(" = ")
                    .append(type.obscured().contains(key) ? RcloneObscure.obscure(value) : value).append('\n'));
            ini.append('\n');
        });
        return ini.toString();
    }

    private RcloneConfigRenderer() {
    }
}
