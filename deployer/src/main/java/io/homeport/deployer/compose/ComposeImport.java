package io.homeport.deployer.compose;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.homeport.api.apps.AppSpec;
import io.homeport.api.apps.VolumeMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a compose file (compose-spec) into Homeport apps, one per service, named {@code <stack>-<service>}. It
 * maps image, command, entrypoint, environment, ports, named volumes, labels, healthcheck, restart,
 * deploy.replicas, deploy.resources.limits, deploy.placement.constraints on node labels, depends_on (start order)
 * and the stack's one network. Everything else is refused, and all of it at once: {@link ComposeRejected} lists
 * every offending key with the reason. Nothing is silently dropped; {@code x-} extensions, which compose itself
 * ignores, and the obsolete {@code version} are the only keys without effect.
 */
public final class ComposeImport {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern NAME = Pattern.compile(AppSpec.NAME);
    private static final Set<String> TOP_LEVEL = Set.of("services", "name", "version", "volumes", "networks");
    private static final Map<String, String> WHY_NOT = Map.ofEntries(
            Map.entry("build", "Homeport deploys images: build and tag the image, then name it in image"),
            Map.entry("container_name", "Homeport names containers itself (hp-<app>-<replica>)"),
            Map.entry("network_mode", "apps join the stack's network; host or container networking is not supported"),
            Map.entry("privileged", "privileged containers are not supported"),
            Map.entry("cap_add", "extra capabilities are not supported"),
            Map.entry("devices", "host devices tie an app to one machine"),
            Map.entry("extends", "extends is not supported: write the service out"),
            Map.entry("env_file", "env_file reads files beside the compose file: put the variables in environment"),
            Map.entry("secrets", "compose secrets are files: store a Homeport secret and reference it in the app spec"),
            Map.entry("configs", "compose configs are not supported"),
            Map.entry("include", "include is not supported: give one file"),
            Map.entry("links", "links are legacy: services reach each other by name on the stack network"),
            Map.entry("expose", "expose has no effect on a user-defined network: every port is reachable there"));

    private final List<ComposeOffence> offences = new ArrayList<>();
    final Map<String, VolumeMode> volumes = new LinkedHashMap<>();
    final Set<String> services = new LinkedHashSet<>();
    String network;
    private String stack;

    private ComposeImport() {
    }

    /**
     * @param stackName the stack's name when the file has no {@code name}
     * @throws ComposeRejected with every offence found
     */
    public static ComposeStack read(String yaml, String stackName) {
        return new ComposeImport().stack(yaml, stackName);
    }

    private ComposeStack stack(String yaml, String stackName) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new ComposeRejected(List.of(new ComposeOffence("", "not YAML: " + e.getOriginalMessage())));
        }
        if (root == null || !root.isObject()) {
            throw new ComposeRejected(List.of(new ComposeOffence("", "a compose file is a mapping with services")));
        }
        offendNul(root, "");
        if (!offences.isEmpty()) {
            throw new ComposeRejected(offences);
        }
        root.fieldNames().forEachRemaining(key -> {
            if (!TOP_LEVEL.contains(key) && !key.startsWith("x-")) {
                offend(key, WHY_NOT.getOrDefault(key, "not supported by Homeport"));
            }
        });
        stack = root.hasNonNull("name") ? root.get("name").asText() : stackName;
        if (stack == null || !NAME.matcher(stack).matches()) {
            offend("name", "the stack name must be lower-case letters, digits and '-' (give name in the file or "
                    + "as the stack parameter)");
        }
        readVolumes(root.path("volumes"));
        readNetworks(root.path("networks"));
        JsonNode services = root.path("services");
        if (!services.isObject() || services.isEmpty()) {
            offend("services", "is required: at least one service");
        }
        services.fieldNames().forEachRemaining(this.services::add);
        Map<String, AppSpec> apps = new LinkedHashMap<>();
        services.properties().forEach(entry -> {
            AppSpec app = service(entry.getKey(), entry.getValue());
            if (app != null) {
                apps.put(entry.getKey(), app);
            }
        });
        List<AppSpec> ordered = startOrder(apps);
        if (!offences.isEmpty()) {
            throw new ComposeRejected(offences);
        }
        return new ComposeStack(stack, ordered);
    }

    /** NUL (a YAML "\\0") can be stored nowhere: PostgreSQL refuses it in text and jsonb. */
    private void offendNul(JsonNode node, String path) {
        if (node.isTextual() && node.textValue().indexOf('\0') >= 0) {
            offend(path, "must not contain the NUL character (U+0000)");
        }
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            offendNul(node.get(i), path + "[" + i + "]");
        }
        node.properties().forEach(entry -> {
            String key = entry.getKey().replace("\0", "\\0");
            String at = path.isEmpty() ? key : path + "." + key;
            if (!key.equals(entry.getKey())) {
                offend(at, "must not contain the NUL character (U+0000)");
            }
            offendNul(entry.getValue(), at);
        });
    }

    private void readVolumes(JsonNode declared) {
        declared.properties().forEach(entry -> {
            String path = "volumes." + entry.getKey();
            VolumeMode mode = VolumeMode.SHARED;
            JsonNode volume = entry.getValue();
            if (volume != null && volume.isObject()) {
                for (String key : keys(volume)) {
                    if (key.equals("x-homeport")) {
                        mode = volumeMode(path + ".x-homeport.mode", volume.path(key).path("mode"));
                    } else if (!key.startsWith("x-")) {
                        offend(path + "." + key, "volume options are not supported: Homeport keeps volumes on the "
                                + "shared remote (x-homeport.mode: shared) or synced to it (local-synced)");
                    }
                }
            }
            volumes.put(entry.getKey(), mode);
        });
    }

    private VolumeMode volumeMode(String path, JsonNode mode) {
        if (mode.isMissingNode() || "shared".equals(mode.asText())) {
            return VolumeMode.SHARED;
        }
        if ("local-synced".equals(mode.asText())) {
            return VolumeMode.LOCAL_SYNCED;
        }
        offend(path, "must be shared or local-synced");
        return VolumeMode.SHARED;
    }

    private void readNetworks(JsonNode declared) {
        if (declared.size() > 1) {
            offend("networks", "a stack has one network; declare at most one");
        }
        declared.properties().forEach(entry -> {
            network = entry.getKey();
            JsonNode options = entry.getValue();
            if (options != null && options.isObject()) {
                for (String key : keys(options)) {
                    boolean bridge = key.equals("driver") && "bridge".equals(options.path(key).asText());
                    if (!bridge && !key.startsWith("x-")) {
                        offend("networks." + network + "." + key, "network options are not supported: the stack "
                                + "network is a plain bridge network on each host");
                    }
                }
            }
        });
    }

    private AppSpec service(String service, JsonNode definition) {
        String at = "services." + service;
        if (!NAME.matcher(service).matches()) {
            offend(at, "service names must be lower-case letters, digits and '-'");
        }
        if (definition == null || !definition.isObject()) {
            offend(at, "must be a mapping");
            return null;
        }
        ServiceReader read = new ServiceReader(this, at);
        String image = null;
        List<String> command = List.of();
        List<String> entrypoint = List.of();
        Map<String, String> environment = Map.of();
        List<AppSpec.Port> ports = List.of();
        List<AppSpec.Volume> mounts = List.of();
        Map<String, String> labels = Map.of();
        AppSpec.HealthCheck health = null;
        String restart = null;
        Integer replicas = null;
        AppSpec.Resources resources = null;
        Map<String, String> constraints = Map.of();
        List<String> dependsOn = List.of();
        for (String key : keys(definition)) {
            JsonNode value = definition.get(key);
            switch (key) {
                case "image" -> image = read.text(key, value);
                case "command" -> command = read.words(key, value);
                case "entrypoint" -> entrypoint = read.words(key, value);
                case "environment" -> environment = read.pairs(key, value, true);
                case "labels" -> labels = read.pairs(key, value, false);
                case "ports" -> ports = read.ports(value);
                case "volumes" -> mounts = read.volumes(value);
                case "healthcheck" -> health = read.healthCheck(value);
                case "restart" -> restart = read.restart(value);
                case "depends_on" -> dependsOn = read.dependsOn(value);
                case "networks" -> read.networks(value);
                case "deploy" -> {
                    ServiceReader.Deploy deploy = read.deploy(value);
                    replicas = deploy.replicas();
                    resources = deploy.resources();
                    constraints = deploy.constraints();
                }
                default -> {
                    if (!key.startsWith("x-")) {
                        offend(at + "." + key, WHY_NOT.getOrDefault(key, "not supported by Homeport"));
                    }
                }
            }
        }
        if (image == null && !definition.has("build")) {
            offend(at + ".image", "is required");
        }
        if (image == null) {
            return null;
        }
        String app = stack + "-" + service;
        return new AppSpec(app, image, command, entrypoint, environment, Map.of(), ports, mounts, labels, health,
                restart, resources, replicas, new AppSpec.Placement(null, constraints), null, null, null,
                dependsOn.stream().map(dependency -> stack + "-" + dependency).toList(),
                new AppSpec.Network("hp-" + stack, List.of(service)));
    }

    /** Apps after the apps they depend on; a cycle is an offence. */
    private List<AppSpec> startOrder(Map<String, AppSpec> apps) {
        Map<String, AppSpec> byApp = new LinkedHashMap<>();
        apps.values().forEach(app -> byApp.put(app.name(), app));
        List<AppSpec> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (placed.size() < byApp.size()) {
            List<AppSpec> ready = byApp.values().stream().filter(app -> !placed.contains(app.name()))
                    .filter(app -> app.dependsOn().stream().allMatch(d -> placed.contains(d) || !byApp.containsKey(d)))
                    .toList();
            if (ready.isEmpty()) {
                offend("services", "depends_on forms a cycle among " + byApp.keySet().stream()
                        .filter(name -> !placed.contains(name)).map(name -> name.substring(stack.length() + 1))
                        .toList());
                break;
            }
            ready.forEach(app -> placed.add(app.name()));
            ordered.addAll(ready);
        }
        return ordered;
    }

    void offend(String path, String reason) {
        offences.add(new ComposeOffence(path, reason));
    }

    static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
