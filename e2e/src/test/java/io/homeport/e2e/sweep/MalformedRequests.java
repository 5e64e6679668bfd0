package io.homeport.e2e.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Malformed, oversized and wrongly typed requests for every operation an OpenAPI document lists: bad path
 * parameters, bad query parameters, bodies that are not JSON (or YAML), bodies whose fields have the wrong type,
 * bodies that are too large or too deep, and wrong content types. Generated from the document the gateway publishes,
 * so an endpoint added later is swept without touching this class.
 */
public final class MalformedRequests {

    /** One request to send: the expected answer is always a 4xx (or a 2xx where the input happens to be harmless). */
    public record Probe(String method, String path, String contentType, byte[] body, String why) {

        @Override
        public String toString() {
            return method + " " + abbreviate(path) + " (" + why + ")";
        }
    }

    /** Path segment values a client might send by mistake or on purpose; all percent-encoded already. */
    static final List<String> BAD_PATH_VALUES = List.of("not-a-uuid", "00000000-0000-0000-0000-000000000000",
            "%00", "..%2F..%2Fetc%2Fpasswd", "x".repeat(3000), "%F0%9F%92%A5", "-1", "%27%20OR%201%3D1%20--",
            "%7B%7B7*7%7D%7D", "%25", "9999999999999999999999", "%20", "%3Cscript%3E", "null");

    static final List<String> BAD_QUERY_VALUES = List.of("abc", "-1", "99999999999999999999", "", "%00", "1e309",
            "true", "y".repeat(5000), "%F0%9F%92%A5", "P-1D", "2026-13-45T99:99:99Z", "NaN");

    /** Values of the wrong type (or a pathological one) for any JSON field. */
    static final List<String> BAD_FIELD_VALUES = List.of("123", "-1", "\"str\"", "[]", "{}", "null", "true",
            "1e308", "\"" + "z".repeat(20_000) + "\"", "[[[[[[[[[[]]]]]]]]]]", "\"\\u0000\"", "\"../../etc\"",
            "99999999999999999999999999");

    /** Whole bodies that are not what any endpoint accepts. */
    static final List<String> BAD_JSON_BODIES = List.of("", "{", "nul", "[]", "\"str\"", "123", "{\"a\":",
            "{\"a\":1,}", "{'a': 1}", "\u0000\u0001\u0002", "[{\"a\":1}]",
            "[".repeat(100_000) + "]".repeat(100_000), "{\"a\":\"\\ud800\"}", "{\"\":{\"\":{\"\":null}}}");

    static final List<String> BAD_YAML_BODIES = List.of("services: [unclosed", "!!java.lang.Runtime {}",
            "services:\n  web: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL "
                    + "[\"http://127.0.0.1:1/\"]]]]\n",
            billionLaughs(), "\t- tabbed\n", "services:\n  web:\n    image: 123\n    ports: {a: b}\n",
            "services: 12", "- a\n- b\n", "services:\n  ? [complex, key]\n  : v\n", "%YAML 9.9\n---\nx: 1");

    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");

    private final JsonNode openApi;

    public MalformedRequests(JsonNode openApi) {
        this.openApi = openApi;
    }

    /** Every probe for every operation of the document except {@code skipped} paths (matched as prefixes). */
    public List<Probe> all(List<String> skipped, int oversizedBytes) {
        List<Probe> probes = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (skipped.stream().anyMatch(path.getKey()::startsWith)) {
                continue;
            }
            path.getValue().fields().forEachRemaining(operation -> {
                String method = operation.getKey().toUpperCase();
                if (List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    probes.addAll(forOperation(method, path.getKey(), operation.getValue(), oversizedBytes));
                }
            });
        }
        return probes;
    }

    private List<Probe> forOperation(String method, String template, JsonNode operation, int oversizedBytes) {
        List<Probe> probes = new ArrayList<>();
        String plain = fill(template, Map.of());
        for (String pathParameter : pathParameters(template)) {
            for (String value : BAD_PATH_VALUES) {
                probes.add(new Probe(method, fill(template, Map.of(pathParameter, value)), null, null,
                        "path " + pathParameter + "=" + abbreviate(value)));
            }
        }
        for (JsonNode parameter : operation.path("parameters")) {
            if ("query".equals(parameter.path("in").asText())) {
                String name = parameter.path("name").asText();
                for (String value : BAD_QUERY_VALUES) {
                    probes.add(new Probe(method, plain + "?" + name + "=" + value, null, null,
                            "query " + name + "=" + abbreviate(value)));
                }
            }
        }
        JsonNode content = operation.path("requestBody").path("content");
        if (content.isMissingNode() || !List.of("POST", "PUT", "PATCH").contains(method)) {
            return probes;
        }
        content.fields().forEachRemaining(media -> {
            String type = media.getKey();
            boolean yaml = type.contains("yaml");
            for (String body : yaml ? BAD_YAML_BODIES : BAD_JSON_BODIES) {
                probes.add(new Probe(method, plain, type, bytes(body), "body " + abbreviate(body)));
            }
            if (!yaml) {
                for (String field : fields(media.getValue().path("schema"))) {
                    for (String value : BAD_FIELD_VALUES) {
                        probes.add(new Probe(method, plain, type, bytes("{\"" + field + "\":" + value + "}"),
                                "field " + field + "=" + abbreviate(value)));
                    }
                }
            }
            probes.add(new Probe(method, plain, type, oversized(oversizedBytes, yaml), "oversized body"));
        });
        probes.add(new Probe(method, plain, "application/xml", bytes("<a>1</a>"), "unsupported content type"));
        probes.add(new Probe(method, plain, "text/plain; charset=nonsense", bytes("x"), "unknown charset"));
        probes.add(new Probe(method, plain, "application/json", new byte[] {(byte) 0xff, (byte) 0xfe, '{', (byte) 0xc3},
                "not UTF-8"));
        return probes;
    }

    /** The property names of a request body's schema, following one {@code $ref}. */
    List<String> fields(JsonNode schema) {
        JsonNode resolved = schema;
        if (schema.has("$ref")) {
            String name = schema.path("$ref").asText().replace("#/components/schemas/", "");
            resolved = openApi.path("components").path("schemas").path(name);
        }
        List<String> names = new ArrayList<>();
        resolved.path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    static List<String> pathParameters(String template) {
        List<String> names = new ArrayList<>();
        Matcher matcher = TEMPLATE.matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The template with {@code values} for the named parameters and a well-formed, unknown value for the rest. */
    static String fill(String template, Map<String, String> values) {
        Map<String, String> all = new LinkedHashMap<>();
        for (String name : pathParameters(template)) {
            all.put(name, values.getOrDefault(name, name.toLowerCase().contains("id")
                    ? "00000000-0000-4000-8000-000000000001" : "sweep-unknown"));
        }
        String path = template;
        for (Map.Entry<String, String> value : all.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        return path;
    }

    private static byte[] oversized(int bytes, boolean yaml) {
        StringBuilder body = new StringBuilder(bytes + 64);
        body.append(yaml ? "services:\n  web:\n    image: " : "{\"name\":\"");
        body.append("a".repeat(bytes));
        body.append(yaml ? "\n" : "\"}");
        return bytes(body.toString());
    }

    /** The classic YAML alias bomb: nine levels of nine aliases, a billion strings if expanded. */
    private static String billionLaughs() {
        StringBuilder yaml = new StringBuilder("a: &a [" + "\"lol\",".repeat(8) + "\"lol\"]\n");
        for (char level = 'b'; level <= 'i'; level++) {
            char previous = (char) (level - 1);
            yaml.append(level).append(": &").append(level).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            yaml.append("]\n");
        }
        return yaml.toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String value) {
        String oneLine = value.replace("\n", "\\n");
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 40) + "…(" + value.length() + " chars)";
    }
}
