package io.homeport.tunnel.label;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.homeport.tunnel.label.LabelPrefixes.Label;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a container's exposure labels the way DockFlare does ({@code docker_handler.process_container_start}):
 * {@code <prefix>enable} must be true; {@code <prefix>hostname} with {@code <prefix>service} makes one route, and
 * every {@code <prefix>N.hostname} makes another whose unset fields fall back to the base labels.
 *
 * <p>Where DockFlare skips a bad definition with a log line, Homeport rejects the whole container and says why, so
 * that a typo is seen instead of a hostname quietly missing.
 */
public final class ExposureLabels {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INDEXED = Pattern.compile("(0|[1-9][0-9]{0,3})\\.(.+)");

    private ExposureLabels() {
    }

    public static ParsedExposure parse(Map<String, String> containerLabels, LabelPrefixes prefixes) {
        return new Reading(Map.copyOf(containerLabels), prefixes).parse();
    }

    /** One parse: the labels, and the problems found so far (a set, since base labels are read once per route). */
    private static final class Reading {

        private final Map<String, String> labels;
        private final LabelPrefixes prefixes;
        private final Set<LabelProblem> problems = new LinkedHashSet<>();

        Reading(Map<String, String> labels, LabelPrefixes prefixes) {
            this.labels = labels;
            this.prefixes = prefixes;
        }

        ParsedExposure parse() {
            Optional<Label> enable = prefixes.find(labels, "enable");
            if (enable.isEmpty()) {
                return ParsedExposure.notExposed();
            }
            Optional<Boolean> enabled = LabelBooleans.parse(enable.get().value());
            if (enabled.isEmpty()) {
                return ParsedExposure.rejected(List.of(
                        new LabelProblem(enable.get().key(), LabelBooleans.problem(enable.get().value()))));
            }
            if (!enabled.get()) {
                return ParsedExposure.notExposed();
            }
            String prefix = prefixes.prefixOf(enable.get().key()).orElseThrow();

            List<Route> routes = new ArrayList<>();
            Map<String, String> routedBy = new HashMap<>();
            Optional<Label> baseHostname = prefixes.find(labels, "hostname");
            baseHostname.flatMap(hostname -> route(null, hostname))
                    .ifPresent(route -> keep(route, baseHostname.get(), routes, routedBy));
            SortedMap<Integer, String> indices = indices();
            indices.forEach((index, firstKey) -> {
                Optional<Label> hostname = prefixes.find(labels, index + ".hostname");
                if (hostname.isEmpty()) {
                    String missing = prefixes.prefixOf(firstKey).orElse(prefix) + index + ".hostname";
                    problem(firstKey, "is set but " + missing + " is missing; every numbered route needs a hostname");
                    return;
                }
                route(index, hostname.get()).ifPresent(route -> keep(route, hostname.get(), routes, routedBy));
            });
            if (baseHostname.isEmpty() && indices.isEmpty()) {
                problem(prefix + "hostname", "exposure is enabled but no hostname is set; add " + prefix
                        + "hostname (or " + prefix + "0.hostname, " + prefix + "1.hostname ... for several)");
            }
            return problems.isEmpty() ? new ParsedExposure(routes, List.of())
                    : ParsedExposure.rejected(List.copyOf(problems));
        }

        private void keep(Route route, Label hostname, List<Route> routes, Map<String, String> routedBy) {
            String key = route.hostname() + (route.path() == null ? "" : route.path());
            String earlier = routedBy.putIfAbsent(key, hostname.key());
            if (earlier != null) {
                problem(hostname.key(), route.hostname() + (route.path() == null ? "" : " with path " + route.path())
                        + " is already routed by " + earlier);
            } else {
                routes.add(route);
            }
        }

        /** Every index N some {@code <prefix>N.<field>} label uses, with the first such key (for messages). */
        private SortedMap<Integer, String> indices() {
            SortedMap<Integer, String> found = new TreeMap<>();
            new TreeMap<>(labels).keySet().forEach(key -> prefixes.prefixOf(key).ifPresent(prefix -> {
                Matcher indexed = INDEXED.matcher(key.substring(prefix.length()));
                if (indexed.matches()) {
                    found.putIfAbsent(Integer.parseInt(indexed.group(1)), key);
                }
            }));
            return found;
        }

        /** The route of one definition: the base labels ({@code index} null) or index N with base fallbacks. */
        private Optional<Route> route(Integer index, Label hostnameLabel) {
            int problemsBefore = problems.size();
            String hostname = hostnameLabel.value().strip().toLowerCase(Locale.ROOT);
            DnsNames.problemWith(hostname, true).ifPresent(m -> problem(hostnameLabel.key(), "hostname " + m));

            Optional<Label> serviceLabel = field(index, "service");
            String service = serviceLabel.map(l -> l.value().strip()).orElse(null);
            if (serviceLabel.isEmpty()) {
                String missing = prefixes.prefixOf(hostnameLabel.key()).orElseThrow()
                        + (index == null ? "" : index + ".") + "service";
                problem(missing, "is missing; " + hostname + " needs a service such as http://app:80");
            } else {
                OriginServices.problemWith(service).ifPresent(m -> problem(serviceLabel.get().key(), "service " + m));
            }
            String path = checked(index, "path", PathRegexes::normalize, PathRegexes::problemWith, "path ");
            String zoneName = checked(index, "zonename", v -> v.strip().toLowerCase(Locale.ROOT),
                    v -> DnsNames.problemWith(v, false), "zone ");
            OriginRequest originRequest = new OriginRequest(flag(index, "no_tls_verify"), text(index, "originsrvname"),
                    text(index, "httpHostHeader"), flag(index, "http2_origin"), flag(index, "disable_chunked_encoding"),
                    flag(index, "match_sni_to_host"));
            Access access = access(index);
            if (problems.size() > problemsBefore) {
                return Optional.empty();
            }
            return Optional.of(new Route(hostname, zoneName, service, path, originRequest, access));
        }

        private Access access(Integer index) {
            List<String> groups = groups(index == null ? "" : index + ".");
            if (groups.isEmpty() && index != null) {
                groups = groups("");
            }
            AccessPolicy policy = field(index, "access.policy").flatMap(label -> {
                Optional<AccessPolicy> known = AccessPolicy.fromLabel(label.value());
                if (known.isEmpty()) {
                    problem(label.key(), "'" + label.value() + "' is not an access policy; use "
                            + String.join(", ", Arrays.stream(AccessPolicy.values()).map(AccessPolicy::label).toList()));
                }
                return known;
            }).orElse(null);
            String name = text(index, "access.name");
            String sessionDuration = checked(index, "access.session_duration", String::strip,
                    GoDurations::problemWith, "session duration ");
            boolean launcherVisible = flag(index, "access.app_launcher_visible");
            List<String> allowedIdps = field(index, "access.allowed_idps").map(l -> commaList(l.value())).orElse(List.of());
            boolean autoRedirect = flag(index, "access.auto_redirect_to_identity");
            JsonNode customRules = field(index, "access.custom_rules").map(this::customRules).orElse(null);
            if (!groups.isEmpty()) {
                return Access.ofGroups(groups);
            }
            if (policy == null && customRules == null) {
                return null;
            }
            return new Access(policy, List.of(), name,
                    sessionDuration == null ? Access.DEFAULT_SESSION_DURATION : sessionDuration, launcherVisible,
                    allowedIdps, autoRedirect, customRules);
        }

        /** {@code access.groups} (a comma-separated list) wins over {@code access.group} (one id), as in DockFlare. */
        private List<String> groups(String slot) {
            Optional<Label> many = prefixes.find(labels, slot + "access.groups");
            if (many.isPresent()) {
                return commaList(many.get().value());
            }
            return prefixes.find(labels, slot + "access.group").map(l -> commaList(l.value())).orElse(List.of());
        }

        private JsonNode customRules(Label label) {
            String json = label.value().strip();
            // DockFlare's docs quote the example value in single quotes; accept it pasted that way
            if (json.length() >= 2 && json.startsWith("'") && json.endsWith("'")) {
                json = json.substring(1, json.length() - 1);
            }
            try {
                JsonNode rules = JSON.readTree(json);
                if (rules != null && rules.isArray()) {
                    return rules;
                }
                problem(label.key(), "custom rules must be a JSON array of Access rules, e.g. "
                        + "[{\"email\":{\"email\":\"user@example.com\"}}]");
            } catch (JsonProcessingException e) {
                problem(label.key(), "custom rules are not valid JSON: " + e.getOriginalMessage());
            }
            return null;
        }

        /** The label for {@code field} at {@code index}, falling back to the base label (DockFlare's fallback). */
        private Optional<Label> field(Integer index, String field) {
            if (index != null) {
                Optional<Label> own = prefixes.find(labels, index + "." + field);
                if (own.isPresent()) {
                    return own;
                }
            }
            return prefixes.find(labels, field);
        }

        private String checked(Integer index, String field, Function<String, String> normalize,
                Function<String, Optional<String>> check, String what) {
            Optional<Label> label = field(index, field);
            if (label.isEmpty()) {
                return null;
            }
            String value = normalize.apply(label.get().value());
            if (value == null || value.isEmpty()) {
                return null;
            }
            check.apply(value).ifPresent(m -> problem(label.get().key(), what + m));
            return value;
        }

        private boolean flag(Integer index, String field) {
            return field(index, field).map(label -> LabelBooleans.parse(label.value()).orElseGet(() -> {
                problem(label.key(), LabelBooleans.problem(label.value()));
                return false;
            })).orElse(false);
        }

        private String text(Integer index, String field) {
            return field(index, field).map(l -> l.value().strip()).filter(v -> !v.isEmpty()).orElse(null);
        }

        private static List<String> commaList(String value) {
            return Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
        }

        private void problem(String label, String message) {
            problems.add(new LabelProblem(label, message));
        }
    }
}
