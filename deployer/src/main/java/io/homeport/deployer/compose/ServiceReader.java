package io.homeport.deployer.compose;

import com.fasterxml.jackson.databind.JsonNode;
import io.homeport.api.apps.AppSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the values of one compose service, recording each offence under its path in the file being read. */
final class ServiceReader {

    private static final Pattern INTERPOLATION = Pattern.compile("(?<!\\$)\\$(\\{|[A-Za-z_])");
    private static final Pattern NODE_LABEL = Pattern.compile("node\\.labels\\.([A-Za-z0-9._/-]+)\\s*==\\s*(\\S+)");

    private final ComposeImport file;
    private final String at;

    ServiceReader(ComposeImport file, String at) {
        this.file = file;
        this.at = at;
    }

    record Deploy(Integer replicas, AppSpec.Resources resources, Map<String, String> constraints) {
    }

    String text(String key, JsonNode value) {
        if (value == null || !value.isValueNode() || value.isNull()) {
            file.offend(at + "." + key, "must be a string");
            return null;
        }
        return literal(key, value.asText());
    }

    /** A literal: compose's variable interpolation is refused, since there is no shell environment to read. */
    private String literal(String path, String text) {
        if (INTERPOLATION.matcher(text).find()) {
            file.offend(at + "." + path, "variable interpolation ($VAR, ${VAR}) is not supported: write the value "
                    + "(write $$ for a literal $)");
        }
        return text.replace("$$", "$");
    }

    List<String> words(String key, JsonNode value) {
        List<String> words = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(word -> words.add(literal(key, word.asText())));
        } else if (value.isTextual()) {
            words.addAll(ShellWords.split(literal(key, value.asText())));
        } else {
            file.offend(at + "." + key, "must be a string or a list of strings");
        }
        return words;
    }

    /** A mapping, or a list of {@code KEY=VALUE}; for the environment, a bare {@code KEY} is refused. */
    Map<String, String> pairs(String key, JsonNode value, boolean environment) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (value.isObject()) {
            value.properties().forEach(entry -> {
                JsonNode item = entry.getValue();
                if (item == null || item.isNull()) {
                    file.offend(at + "." + key + "." + entry.getKey(), "has no value: in compose it would come from "
                            + "the shell's environment, which Homeport does not have; give the value");
                } else {
                    pairs.put(entry.getKey(), literal(key + "." + entry.getKey(), item.asText()));
                }
            });
        } else if (value.isArray()) {
            for (JsonNode item : value) {
                String text = item.asText();
                int equals = text.indexOf('=');
                if (equals < 1) {
                    file.offend(at + "." + key + "." + text, environment ? "has no value: in compose it would come "
                            + "from the shell's environment, which Homeport does not have; give the value"
                            : "must read KEY=VALUE");
                } else {
                    pairs.put(text.substring(0, equals), literal(key + "." + text.substring(0, equals),
                            text.substring(equals + 1)));
                }
            }
        } else {
            file.offend(at + "." + key, "must be a mapping or a list of KEY=VALUE");
        }
        return pairs;
    }

    List<AppSpec.Port> ports(JsonNode value) {
        List<AppSpec.Port> ports = new ArrayList<>();
        if (!value.isArray()) {
            file.offend(at + ".ports", "must be a list");
            return ports;
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode port = value.get(i);
            String path = "ports[" + i + "]";
            if (port.isObject()) {
                for (String key : ComposeImport.keys(port)) {
                    if (!Set.of("target", "published", "protocol").contains(key)) {
                        file.offend(at + "." + path + "." + key, key.equals("host_ip")
                                ? "binding to one host address is not supported" : "not supported by Homeport");
                    }
                }
                Integer target = portNumber(path + ".target", port.path("target").asText(null));
                Integer published = port.hasNonNull("published")
                        ? portNumber(path + ".published", port.get("published").asText()) : null;
                if (target != null) {
                    ports.add(new AppSpec.Port(target, published, port.path("protocol").asText("tcp")));
                }
            } else {
                AppSpec.Port parsed = shortPort(path, port.asText());
                if (parsed != null) {
                    ports.add(parsed);
                }
            }
        }
        return ports;
    }

    /** {@code [HOST:]CONTAINER[/PROTOCOL]}; host addresses and ranges are refused. */
    private AppSpec.Port shortPort(String path, String text) {
        String protocol = "tcp";
        String spec = text;
        int slash = spec.indexOf('/');
        if (slash >= 0) {
            protocol = spec.substring(slash + 1);
            spec = spec.substring(0, slash);
        }
        String[] parts = spec.split(":");
        if (parts.length > 2) {
            file.offend(at + "." + path, "binding to one host address is not supported: " + text);
            return null;
        }
        if (spec.contains("-")) {
            file.offend(at + "." + path, "port ranges are not supported: " + text);
            return null;
        }
        Integer container = portNumber(path, parts[parts.length - 1]);
        Integer host = parts.length == 2 ? portNumber(path, parts[0]) : null;
        return container == null ? null : new AppSpec.Port(container, host, protocol);
    }

    private Integer portNumber(String path, String text) {
        try {
            int port = Integer.parseInt(text == null ? "" : text.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        file.offend(at + "." + path, "must be a port number from 1 to 65535, not " + text);
        return null;
    }

    List<AppSpec.Volume> volumes(JsonNode value) {
        List<AppSpec.Volume> mounts = new ArrayList<>();
        if (!value.isArray()) {
            file.offend(at + ".volumes", "must be a list");
            return mounts;
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode mount = value.get(i);
            String path = at + ".volumes[" + i + "]";
            String source;
            String target;
            boolean readOnly;
            if (mount.isObject()) {
                String type = mount.path("type").asText("volume");
                if (!type.equals("volume")) {
                    file.offend(path + ".type", type + " mounts tie an app to one machine: use a named volume");
                    continue;
                }
                for (String key : ComposeImport.keys(mount)) {
                    if (!Set.of("type", "source", "target", "read_only").contains(key)) {
                        file.offend(path + "." + key, "not supported by Homeport");
                    }
                }
                source = mount.path("source").asText(null);
                target = mount.path("target").asText(null);
                readOnly = mount.path("read_only").asBoolean(false);
            } else {
                String[] parts = mount.asText().split(":");
                if (parts.length == 1) {
                    file.offend(path, "anonymous volumes are lost when the container is recreated: name it");
                    continue;
                }
                source = parts[0];
                target = parts[1];
                readOnly = parts.length > 2 && parts[2].equals("ro");
            }
            if (source == null || source.startsWith("/") || source.startsWith(".") || source.startsWith("~")) {
                file.offend(path, "bind mounts tie an app to one machine: use a named volume (declared under "
                        + "volumes:)");
            } else if (!file.volumes.containsKey(source)) {
                file.offend(path, "names no volume declared under the top-level volumes: " + source);
            } else if (target == null || !target.startsWith("/")) {
                file.offend(path, "needs an absolute container path");
            } else {
                mounts.add(new AppSpec.Volume(source, file.volumes.get(source), target, readOnly));
            }
        }
        return mounts;
    }

    AppSpec.HealthCheck healthCheck(JsonNode value) {
        if (value.path("disable").asBoolean(false)) {
            return null;
        }
        List<String> test = null;
        Integer interval = null;
        Integer timeout = null;
        Integer retries = null;
        Integer startPeriod = null;
        for (String key : ComposeImport.keys(value)) {
            JsonNode item = value.get(key);
            switch (key) {
                case "test" -> test = item.isArray() ? words("healthcheck.test", item)
                        : List.of("CMD-SHELL", literal("healthcheck.test", item.asText()));
                case "interval" -> interval = duration("healthcheck.interval", item);
                case "timeout" -> timeout = duration("healthcheck.timeout", item);
                case "start_period" -> startPeriod = duration("healthcheck.start_period", item);
                case "retries" -> retries = item.asInt();
                case "disable" -> { }
                default -> file.offend(at + ".healthcheck." + key, "not supported by Homeport");
            }
        }
        if (test != null && !test.isEmpty() && test.get(0).equals("NONE")) {
            return null;
        }
        return new AppSpec.HealthCheck(test, interval, timeout, retries, startPeriod);
    }

    private Integer duration(String path, JsonNode value) {
        Integer seconds = ComposeValues.seconds(value.asText());
        if (seconds == null) {
            file.offend(at + "." + path, "must be a duration such as 30s or 1m30s, not " + value.asText());
        }
        return seconds;
    }

    String restart(JsonNode value) {
        String restart = value.asText();
        if (!Set.of("no", "always", "unless-stopped", "on-failure").contains(restart)) {
            file.offend(at + ".restart", "must be no, always, unless-stopped or on-failure (without a retry count), "
                    + "not " + restart);
            return null;
        }
        return restart;
    }

    List<String> dependsOn(JsonNode value) {
        List<String> services = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(service -> services.add(service.asText()));
        } else if (value.isObject()) {
            value.properties().forEach(entry -> {
                services.add(entry.getKey());
                for (String key : ComposeImport.keys(entry.getValue())) {
                    if (!key.equals("condition")) {
                        file.offend(at + ".depends_on." + entry.getKey() + "." + key, "not supported by Homeport");
                    }
                }
            });
        } else {
            file.offend(at + ".depends_on", "must be a list or a mapping of services");
        }
        services.stream().filter(service -> !file.services.contains(service))
                .forEach(unknown -> file.offend(at + ".depends_on", "names no service of this file: " + unknown));
        return services;
    }

    void networks(JsonNode value) {
        List<String> names = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(name -> names.add(name.asText()));
        } else {
            value.fieldNames().forEachRemaining(names::add);
            value.properties().forEach(entry -> {
                if (entry.getValue() != null && !entry.getValue().isNull() && !entry.getValue().isEmpty()) {
                    file.offend(at + ".networks." + entry.getKey(), "per-service network options (aliases, "
                            + "addresses) are not supported: the service answers to its name");
                }
            });
        }
        for (String name : names) {
            if (!name.equals(file.network)) {
                file.offend(at + ".networks", "joins " + name + ", which is not the stack's network (declare one "
                        + "network under the top-level networks:)");
            }
        }
    }

    Deploy deploy(JsonNode value) {
        Integer replicas = null;
        AppSpec.Resources resources = null;
        Map<String, String> constraints = new LinkedHashMap<>();
        for (String key : ComposeImport.keys(value)) {
            JsonNode item = value.get(key);
            switch (key) {
                case "replicas" -> replicas = item.asInt();
                case "resources" -> resources = resources(item);
                case "placement" -> {
                    for (String placementKey : ComposeImport.keys(item)) {
                        if (!placementKey.equals("constraints")) {
                            file.offend(at + ".deploy.placement." + placementKey, "not supported by Homeport");
                        }
                    }
                    item.path("constraints").forEach(constraint -> {
                        var match = NODE_LABEL.matcher(constraint.asText());
                        if (match.matches()) {
                            constraints.put(match.group(1), match.group(2));
                        } else {
                            file.offend(at + ".deploy.placement.constraints", "only node.labels.KEY == VALUE is "
                                    + "supported, not " + constraint.asText());
                        }
                    });
                }
                default -> file.offend(at + ".deploy." + key, key.equals("restart_policy")
                        ? "use the service's restart" : "not supported by Homeport");
            }
        }
        return new Deploy(replicas, resources, constraints);
    }

    private AppSpec.Resources resources(JsonNode value) {
        for (String key : ComposeImport.keys(value)) {
            if (!key.equals("limits")) {
                file.offend(at + ".deploy.resources." + key, key.equals("reservations")
                        ? "reservations are not supported: placement counts limits" : "not supported by Homeport");
            }
        }
        JsonNode limits = value.path("limits");
        Double cpus = null;
        Long memory = null;
        for (String key : ComposeImport.keys(limits)) {
            JsonNode item = limits.get(key);
            switch (key) {
                case "cpus" -> {
                    try {
                        cpus = Double.parseDouble(item.asText());
                    } catch (NumberFormatException e) {
                        file.offend(at + ".deploy.resources.limits.cpus", "must be a number, not " + item.asText());
                    }
                }
                case "memory" -> {
                    memory = ComposeValues.mebibytes(item.asText());
                    if (memory == null) {
                        file.offend(at + ".deploy.resources.limits.memory", "must be a size such as 512m or 1g, not "
                                + item.asText());
                    }
                }
                default -> file.offend(at + ".deploy.resources.limits." + key, "not supported by Homeport");
            }
        }
        return new AppSpec.Resources(cpus, memory);
    }
}
