package io.homeport.deployer.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.homeport.api.apps.AppSpec;
import io.homeport.api.apps.VolumeMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComposeImportTest {

    private static final String SHOP = """
            name: shop
            services:
              web:
                image: local/web:2
                depends_on: [api]
                ports: ["8080:80", {target: 443, published: 8443, protocol: tcp}]
                labels: ["dockflare.enable=true", "dockflare.hostname=shop.example.org"]
                deploy:
                  replicas: 2
                  resources: {limits: {cpus: "0.5", memory: 256m}}
                  placement: {constraints: ["node.labels.tier == edge"]}
              api:
                image: local/api:1
                command: serve --port "8000" 'two words'
                environment: {DB_HOST: db, WORKERS: 4}
                depends_on:
                  db: {condition: service_healthy}
                restart: always
              db:
                image: postgres:16
                environment: ["POSTGRES_PASSWORD=s3cret$$1"]
                volumes: ["pgdata:/var/lib/postgresql/data", {type: volume, source: dumps, target: /dumps, read_only: true}]
                healthcheck:
                  test: pg_isready -U postgres
                  interval: 5s
                  timeout: 1m30s
                  retries: 5
                  start_period: 500ms
                networks: [backend]
            volumes:
              pgdata: {x-homeport: {mode: local-synced}}
              dumps:
            networks:
              backend: {driver: bridge}
            x-notes: ignored by compose and by Homeport
            """;

    @Test
    void aStackBecomesOneAppPerServiceInStartOrder() {
        ComposeStack stack = ComposeImport.read(SHOP, null);

        assertThat(stack.name()).isEqualTo("shop");
        assertThat(stack.apps()).extracting(AppSpec::name).containsExactly("shop-db", "shop-api", "shop-web");
        AppSpec db = stack.apps().get(0);
        AppSpec api = stack.apps().get(1);
        AppSpec web = stack.apps().get(2);

        assertThat(db.env()).containsExactly(Map.entry("POSTGRES_PASSWORD", "s3cret$1"));
        assertThat(db.volumes()).containsExactly(
                new AppSpec.Volume("pgdata", VolumeMode.LOCAL_SYNCED, "/var/lib/postgresql/data", false),
                new AppSpec.Volume("dumps", VolumeMode.SHARED, "/dumps", true));
        assertThat(db.healthCheck()).isEqualTo(
                new AppSpec.HealthCheck(List.of("CMD-SHELL", "pg_isready -U postgres"), 5, 90, 5, 1));
        assertThat(db.network()).isEqualTo(new AppSpec.Network("hp-shop", List.of("db")));

        assertThat(api.command()).containsExactly("serve", "--port", "8000", "two words");
        assertThat(api.env()).containsExactly(Map.entry("DB_HOST", "db"), Map.entry("WORKERS", "4"));
        assertThat(api.dependsOn()).containsExactly("shop-db");
        assertThat(api.restartPolicy()).isEqualTo("always");

        assertThat(web.ports()).containsExactly(new AppSpec.Port(80, 8080, "tcp"), new AppSpec.Port(443, 8443, "tcp"));
        assertThat(web.labels()).containsEntry("dockflare.enable", "true")
                .containsEntry("dockflare.hostname", "shop.example.org");
        assertThat(web.replicas()).isEqualTo(2);
        assertThat(web.resources()).isEqualTo(new AppSpec.Resources(0.5, 256L));
        assertThat(web.placement().constraints()).containsExactly(Map.entry("tier", "edge"));
        assertThat(web.restartPolicy()).isEqualTo("unless-stopped");
    }

    @Test
    void everyUnsupportedKeyIsListedWithItsReason() {
        String compose = """
                services:
                  web:
                    build: .
                    container_name: web
                    privileged: true
                    ports: ["127.0.0.1:8080:80", "9000-9005:9000-9005"]
                    volumes: ["./site:/usr/share/nginx/html", "/cache"]
                    environment: [HOME_DIR, "TOKEN=${TOKEN}"]
                    restart: on-failure:3
                    deploy: {resources: {reservations: {memory: 1g}}, restart_policy: {condition: any}}
                    healthcheck: {test: [CMD, "true"], interval: soon}
                    depends_on: [cache]
                configs: {site: {file: ./site.conf}}
                """;

        ComposeRejected rejected = catchThrowableOfType(() -> ComposeImport.read(compose, "site"),
                ComposeRejected.class);

        assertThat(rejected.offences()).extracting(ComposeOffence::path).containsExactlyInAnyOrder(
                "configs",
                "services.web.build",
                "services.web.container_name",
                "services.web.privileged",
                "services.web.ports[0]",
                "services.web.ports[1]",
                "services.web.volumes[0]",
                "services.web.volumes[1]",
                "services.web.environment.HOME_DIR",
                "services.web.environment.TOKEN",
                "services.web.restart",
                "services.web.deploy.resources.reservations",
                "services.web.deploy.restart_policy",
                "services.web.healthcheck.interval",
                "services.web.depends_on");
        assertThat(rejected.offences()).contains(
                new ComposeOffence("services.web.build",
                        "Homeport deploys images: build and tag the image, then name it in image"),
                new ComposeOffence("services.web.volumes[0]",
                        "bind mounts tie an app to one machine: use a named volume (declared under volumes:)"),
                new ComposeOffence("services.web.depends_on", "names no service of this file: cache"));
    }

    @Test
    void cyclesBadNamesAndNoServicesAreRefused() {
        assertThat(offences("""
                name: loop
                services:
                  a: {image: x, depends_on: [b]}
                  b: {image: x, depends_on: [a]}
                """)).containsExactly(new ComposeOffence("services", "depends_on forms a cycle among [a, b]"));
        assertThat(offences("services:\n  Web_1: {image: x}\n")).extracting(ComposeOffence::path)
                .containsExactly("name", "services.Web_1");
        assertThat(offences("name: empty\nservices: {}\n")).extracting(ComposeOffence::path)
                .containsExactly("services");
        assertThat(offences("name: bad\nservices:\n  web: {image: x}\n  : [")).singleElement()
                .satisfies(offence -> assertThat(offence.reason()).startsWith("not YAML"));
    }

    @Test
    void aNulCharacterAnywhereIsRefusedWhereItIs() {
        assertThat(offences("name: s\nservices:\n  web:\n    image: \"local/web:1\"\n"
                + "    environment: {\"A\\0B\": x, C: \"d\\0\"}\n"))
                .extracting(ComposeOffence::path)
                .containsExactly("services.web.environment.A\\0B", "services.web.environment.C");
    }

    @Test
    void valuesReadLikeCompose() {
        assertThat(ComposeValues.seconds("1m30s")).isEqualTo(90);
        assertThat(ComposeValues.seconds("1h")).isEqualTo(3600);
        assertThat(ComposeValues.seconds("250ms")).isEqualTo(1);
        assertThat(ComposeValues.seconds("soon")).isNull();
        assertThat(ComposeValues.seconds("10s later")).isNull();
        assertThat(ComposeValues.mebibytes("512m")).isEqualTo(512);
        assertThat(ComposeValues.mebibytes("1g")).isEqualTo(1024);
        assertThat(ComposeValues.mebibytes("1.5GB")).isEqualTo(1536);
        assertThat(ComposeValues.mebibytes("-1m")).isNull();
        assertThat(ShellWords.split("sh -c \"echo \\\"hi\\\" there\" 'a b'  c\\ d"))
                .containsExactly("sh", "-c", "echo \"hi\" there", "a b", "c d");
    }

    private static List<ComposeOffence> offences(String compose) {
        return catchThrowableOfType(() -> ComposeImport.read(compose, null), ComposeRejected.class).offences();
    }
}
