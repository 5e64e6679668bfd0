package io.homeport.launcher;

import io.homeport.launcher.auth.LocalAuth;
import io.homeport.launcher.auth.LocalMasterKey;
import io.homeport.launcher.infra.KafkaMain;
import io.homeport.launcher.infra.PostgresMain;
import io.homeport.launcher.infra.PostgresServer;
import io.homeport.launcher.process.FreePorts;
import io.homeport.launcher.process.ManagedProcess;
import io.homeport.launcher.process.Probes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * The whole control plane on one machine: an embedded Kafka broker, an embedded PostgreSQL and every service as a
 * process of its own, each health-waited. {@code ./homeport up} uses it and leaves the processes running; the
 * end-to-end tests use it and {@link #close()} it.
 *
 * <p>Under its home directory: {@code data/} (Kafka and PostgreSQL, kept between runs), {@code logs/},
 * {@code run/} (pid files) and {@code auth/} (the local signing key).
 */
public final class ControlPlane implements AutoCloseable {

    static final String KAFKA = "kafka";
    static final String POSTGRES = "postgres";
    private static final String DATABASE = "homeport";
    private static final Duration INFRA_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    /** Loopback ports of one control plane. */
    public record Ports(int kafka, int kafkaController, int postgres, Map<Service, Integer> services) {

        /** Fixed ports for {@code ./homeport up}. */
        public static Ports defaults() {
            Map<Service, Integer> services = new EnumMap<>(Service.class);
            for (Service service : Service.values()) {
                services.put(service, service.defaultPort());
            }
            return new Ports(19092, 19093, 15432, services);
        }

        /** Free ports, so that tests run beside anything else. */
        public static Ports free() {
            Map<Service, Integer> services = new EnumMap<>(Service.class);
            for (Service service : Service.values()) {
                services.put(service, FreePorts.next());
            }
            return new Ports(FreePorts.next(), FreePorts.next(), FreePorts.next(), services);
        }

        public int of(Service service) {
            return services.get(service);
        }
    }

    private final Path home;
    private final Path repositoryRoot;
    private final Ports ports;
    private final LocalAuth auth;
    private final Map<String, String> masterKey;
    private final Map<String, ManagedProcess> running = new LinkedHashMap<>();
    private BiConsumer<String, Duration> onReady = (name, took) -> { };
    private Map<String, String> gatewayAuthentication;

    public ControlPlane(Path home, Path repositoryRoot, Ports ports) {
        this.home = home.toAbsolutePath();
        this.repositoryRoot = repositoryRoot.toAbsolutePath();
        this.ports = ports;
        this.auth = LocalAuth.in(this.home.resolve("auth"));
        this.masterKey = LocalMasterKey.environment(this.home.resolve("auth"));
        this.gatewayAuthentication = auth.gatewayEnvironment();
    }

    /**
     * The gateway trusts this OIDC provider (e.g. {@code HOMEPORT_OIDC_URL}, {@code HOMEPORT_OIDC_AUDIENCE}) instead
     * of the local signing key; {@link #auth()} tokens are then refused.
     */
    public ControlPlane oidcProvider(Map<String, String> gatewayEnvironment) {
        this.gatewayAuthentication = Map.copyOf(gatewayEnvironment);
        return this;
    }

    /** Called as each process becomes ready, with how long it took since its start. */
    public ControlPlane onReady(BiConsumer<String, Duration> listener) {
        this.onReady = listener;
        return this;
    }

    /** Kafka and PostgreSQL (side by side), then every service; each waited on until it is healthy. */
    public void startAll() {
        startInfrastructure();
        startServices(List.of(Service.values()), Map.of());
    }

    public void startInfrastructure() {
        ManagedProcess kafka = spawnKafka();
        ManagedProcess postgres = spawnPostgres();
        awaitInfra(postgres, "PostgreSQL ready");
        awaitInfra(kafka, "Kafka broker ready");
    }

    public void startPostgres() {
        awaitInfra(spawnPostgres(), "PostgreSQL ready");
    }

    public void startKafka() {
        awaitInfra(spawnKafka(), "Kafka broker ready");
    }

    /** Stops the broker gracefully; its data stays for {@link #startKafka()}. */
    public void stopKafka() {
        stop(KAFKA);
    }

    /**
     * Starts the given services one after the other, each waited on until healthy. On two cores, starting five
     * JVMs at once makes each take several times longer and the whole no faster.
     */
    public void startServices(List<Service> services, Map<Service, Map<String, String>> extraEnvironment) {
        for (Service service : services) {
            ManagedProcess process = spawnService(service, extraEnvironment.getOrDefault(service, Map.of()));
            ready(service.module(), process.awaitReady(Probes.healthReady(ports.of(service)), SERVICE_TIMEOUT));
        }
    }

    public void startService(Service service, Map<String, String> extraEnvironment) {
        startServices(List.of(service), Map.of(service, extraEnvironment));
    }

    public void stopService(Service service) {
        stop(service.module());
    }

    /** SIGKILL: the service dies wherever it is, as in a crash. */
    public void killService(Service service) {
        ManagedProcess process = running.remove(service.module());
        if (process != null) {
            process.kill();
        }
    }

    public String url(Service service) {
        return "http://127.0.0.1:" + ports.of(service);
    }

    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + ports.kafka();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/" + DATABASE;
    }

    public LocalAuth auth() {
        return auth;
    }

    /** The master key every service is given ({@code HOMEPORT_MASTER_KEY}, base64). */
    public String masterKey() {
        return masterKey.get("HOMEPORT_MASTER_KEY");
    }

    public Path home() {
        return home;
    }

    /** Stops what this instance started, services first. */
    @Override
    public void close() {
        List<String> names = new ArrayList<>(running.keySet());
        java.util.Collections.reverse(names);
        names.forEach(this::stop);
    }

    /**
     * Stops every process recorded under {@code home}, whoever started it ({@code ./homeport down}).
     *
     * @return the names of the processes that were stopped
     */
    public static List<String> stopRecorded(Path home) {
        List<String> order = new ArrayList<>();
        for (Service service : Service.values()) {
            order.add(service.module());
        }
        order.add(KAFKA);
        order.add(POSTGRES);
        List<String> stopped = new ArrayList<>();
        for (String name : order) {
            Path pidFile = pidFile(home, name);
            ManagedProcess.recorded(pidFile).ifPresent(process -> {
                ManagedProcess.terminate(process, STOP_GRACE);
                stopped.add(name);
            });
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stopped;
    }

    public static Path pidFile(Path home, String name) {
        return home.resolve("run").resolve(name + ".pid");
    }

    public static Path logFile(Path home, String name) {
        return home.resolve("logs").resolve(name + ".log");
    }

    private ManagedProcess spawnKafka() {
        return spawn(KAFKA, javaCommand(List.of("-Xms128m", "-Xmx512m"), KafkaMain.class,
                home.resolve("data/kafka").toString(), Integer.toString(ports.kafka()),
                Integer.toString(ports.kafkaController())), Map.of());
    }

    private ManagedProcess spawnPostgres() {
        return spawn(POSTGRES, javaCommand(List.of("-Xmx256m", "-XX:+UseSerialGC"), PostgresMain.class,
                home.resolve("data/postgres").toString(), Integer.toString(ports.postgres()), DATABASE), Map.of());
    }

    private ManagedProcess spawnService(Service service, Map<String, String> extraEnvironment) {
        Path jar = service.runnableJar(repositoryRoot);
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw package -DskipTests)");
        }
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(ports.of(service)));
        env.put("HOMEPORT_HTTP_HOST", "127.0.0.1");
        env.put("HOMEPORT_DB_URL", jdbcUrl());
        env.put("HOMEPORT_DB_USER", PostgresServer.USER);
        env.put("HOMEPORT_DB_PASSWORD", PostgresServer.PASSWORD);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers());
        for (Service other : Service.values()) {
            env.put(other.urlVariable(), url(other));
        }
        env.putAll(masterKey);
        if (service == Service.API_GATEWAY) {
            env.putAll(gatewayAuthentication);
        }
        if (service == Service.PROVISIONER) {
            // the playbook and the agent it installs come from this checkout, wherever the launcher runs from
            env.put("HOMEPORT_PROVISIONER_ANSIBLE_PLAYBOOK",
                    repositoryRoot.resolve("deploy/ansible/site.yml").toAbsolutePath().normalize().toString());
            env.put("HOMEPORT_PROVISIONER_AGENT_PACKAGE_DIRECTORY",
                    repositoryRoot.resolve("host-agent/target").toAbsolutePath().normalize().toString());
        }
        env.putAll(extraEnvironment);
        List<String> command = new ArrayList<>(List.of(ManagedProcess.java(), "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        return spawn(service.module(), command, env);
    }

    private ManagedProcess spawn(String name, List<String> command, Map<String, String> env) {
        if (ManagedProcess.recorded(pidFile(home, name)).isPresent()) {
            throw new IllegalStateException(name + " is already running (pid file " + pidFile(home, name)
                    + "); stop it first");
        }
        ManagedProcess process = ManagedProcess.start(name, command, env, logFile(home, name), pidFile(home, name));
        running.put(name, process);
        return process;
    }

    private void awaitInfra(ManagedProcess process, String marker) {
        ready(process.name(), process.awaitReady(process.printed(marker), INFRA_TIMEOUT));
    }

    private void ready(String name, Duration took) {
        onReady.accept(name, took);
    }

    private void stop(String name) {
        ManagedProcess process = running.remove(name);
        if (process != null) {
            process.stop(STOP_GRACE);
        }
    }

    private static List<String> javaCommand(List<String> jvmOptions, Class<?> main, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ManagedProcess.java());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        return command;
    }


    static Stream<String> allProcessNames() {
        return Stream.concat(Stream.of(Service.values()).map(Service::module), Stream.of(KAFKA, POSTGRES));
    }
}
