package io.homeport.deployer.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every key a compose file may hold, at the top level, in a service, in its {@code deploy}, {@code healthcheck},
 * {@code ports}, {@code volumes} and {@code depends_on}, given every YAML shape: the file is either read or refused
 * with offences, never a crash (which the API would answer with a 500).
 */
class ComposeShapesTest {

    private static final List<String> SHAPES = List.of("null", "~", "12", "-3", "1.5e300", "true", "\"\"", "text",
            "[]", "{}", "[1, 2]", "[a, b]", "[[x]]", "[{a: b}]", "[null]", "{a: b}", "{a: null}", "{a: [1]}",
            "{a: {b: c}}", "\"8080:80/udp\"", "\"${VAR}\"", "\"99999999999\"", "[\"a:b:c:d\"]",
            "[{target: x}]", "[{target: 80, published: [1]}]", "[{type: bind, source: /etc, target: /x}]",
            "[{type: volume, source: v}]", "[{type: volume, target: /x, read_only: maybe}]");

    private static final List<String> SERVICE_KEYS = List.of("image", "command", "entrypoint", "environment", "labels",
            "ports", "volumes", "healthcheck", "restart", "depends_on", "networks", "deploy", "build", "x-extra");

    @Test
    void noShapeOfAnyServiceKeyCrashesTheReader() {
        List<String> crashes = new ArrayList<>();
        for (String key : SERVICE_KEYS) {
            for (String shape : SHAPES) {
                String service = key.equals("image") ? "    image: " + shape + "\n"
                        : "    image: local/web:1\n    " + key + ": " + shape + "\n";
                read("name: s\nservices:\n  web:\n" + service + "volumes:\n  v: {}\n", crashes);
            }
        }
        for (String nested : List.of("healthcheck", "deploy")) {
            for (String inner : List.of("test", "interval", "timeout", "retries", "start_period", "disable",
                    "replicas", "resources", "placement", "mode", "limits")) {
                for (String shape : SHAPES) {
                    read("name: s\nservices:\n  web:\n    image: local/web:1\n    " + nested + ":\n      " + inner
                            + ": " + shape + "\n", crashes);
                }
            }
        }
        for (String inner : List.of("limits", "reservations")) {
            for (String shape : SHAPES) {
                read("name: s\nservices:\n  web:\n    image: local/web:1\n    deploy:\n      resources:\n        "
                        + inner + ": " + shape + "\n", crashes);
                read("name: s\nservices:\n  web:\n    image: local/web:1\n    deploy:\n      resources:\n        "
                        + inner + ": {cpus: " + shape + ", memory: " + shape + "}\n", crashes);
            }
        }
        for (String shape : SHAPES) {
            read("name: s\nservices:\n  web:\n    image: local/web:1\n    deploy:\n      placement:\n"
                    + "        constraints: " + shape + "\n", crashes);
            read("name: s\nservices:\n  web:\n    image: local/web:1\n    depends_on:\n      db: " + shape
                    + "\n  db: {image: local/db:1}\n", crashes);
            read("name: s\nservices:\n  web:\n    image: local/web:1\n    depends_on:\n      db: {condition: "
                    + shape + "}\n  db: {image: local/db:1}\n", crashes);
            read("name: s\nservices:\n  web:\n    image: local/web:1\n    volumes: [\"v:/data\"]\nvolumes:\n  v: "
                    + shape + "\n", crashes);
            read("name: s\nservices:\n  web:\n    image: local/web:1\n    volumes: [\"v:/data\"]\nvolumes:\n  v:\n"
                    + "    x-homeport: " + shape + "\n", crashes);
            read("name: s\nservices:\n  web:\n    image: local/web:1\n    volumes: [\"v:/data\"]\nvolumes:\n  v:\n"
                    + "    x-homeport: {mode: " + shape + "}\n", crashes);
            read("name: s\nservices:\n  web:\n    image: local/web:1\n    networks: [n]\nnetworks:\n  n: " + shape
                    + "\n", crashes);
            read("name: " + shape + "\nservices:\n  web: {image: local/web:1}\n", crashes);
            read("services: " + shape + "\n", crashes);
            read("name: s\nservices:\n  web: " + shape + "\n", crashes);
            read(shape, crashes);
        }
        assertThat(crashes).as("compose files that crashed the reader instead of being read or refused").isEmpty();
    }

    private static void read(String compose, List<String> crashes) {
        try {
            ComposeImport.read(compose, "stack");
        } catch (ComposeRejected expected) {
            assertThat(expected.offences()).as("a refusal names its offences: %s", compose).isNotEmpty();
        } catch (RuntimeException crash) {
            crashes.add(crash + " on:\n" + compose);
        }
    }
}
