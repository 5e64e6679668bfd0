package io.homeport.launcher;

import io.homeport.launcher.process.ManagedProcess;
import io.homeport.launcher.process.Probes;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./homeport up | down | status | logs}: the control plane on this machine. */
@Command(name = "homeport", mixinStandardHelpOptions = true, version = "homeport 0.1.0",
        description = "Runs the Homeport control plane on this machine (embedded Kafka and PostgreSQL).",
        subcommands = {HomeportCommand.Up.class, HomeportCommand.Down.class, HomeportCommand.Status.class,
            HomeportCommand.Logs.class})
public final class HomeportCommand {

    static final Duration ADMIN_TOKEN_VALIDITY = Duration.ofDays(30);

    @Option(names = "--home", defaultValue = ".homeport", scope = CommandLine.ScopeType.INHERIT,
            description = "Where data, logs and pid files live (default: ${DEFAULT-VALUE}).")
    Path home;

    @Option(names = "--repo", defaultValue = ".", scope = CommandLine.ScopeType.INHERIT,
            description = "The Homeport checkout whose built services are started (default: current directory).")
    Path repository;

    public static void main(String[] args) {
        System.exit(new CommandLine(new HomeportCommand()).execute(args));
    }

    @Command(name = "up", description = "Start Kafka, PostgreSQL and every service; wait until all are healthy.")
    static final class Up implements Callable<Integer> {
        @CommandLine.ParentCommand
        HomeportCommand parent;

        @Override
        public Integer call() throws IOException {
            if (anyRunning(parent.home)) {
                System.out.println("Homeport is already running:");
                printStatus(parent.home);
                return 0;
            }
            ControlPlane.Ports ports = ControlPlane.Ports.defaults();
            List<Integer> wanted = new java.util.ArrayList<>(List.of(ports.kafka(), ports.kafkaController(),
                    ports.postgres()));
            wanted.addAll(ports.services().values());
            List<Integer> taken = wanted.stream().filter(Probes::portOpen).toList();
            if (!taken.isEmpty()) {
                System.err.println("Cannot start: port(s) " + taken + " on 127.0.0.1 are in use by another program.");
                return 1;
            }
            long started = System.nanoTime();
            ControlPlane controlPlane = new ControlPlane(parent.home, parent.repository, ports)
                    .onReady((name, took) -> System.out.printf("  %-16s ready %5.1f s after its JVM started%n",
                            name, took.toMillis() / 1000.0));
            System.out.println("Starting Kafka and PostgreSQL (data in " + parent.home.resolve("data") + ") ...");
            try {
                controlPlane.startInfrastructure();
                long servicesFrom = System.nanoTime();
                System.out.println("Starting services ...");
                controlPlane.startServices(List.of(Service.values()), Map.of());
                double servicesTook = (System.nanoTime() - servicesFrom) / 1e9;
                double total = (System.nanoTime() - started) / 1e9;
                Path tokenFile = writeAdminToken(parent.home,
                        controlPlane.auth().token("local-admin", List.of("admin"), ADMIN_TOKEN_VALIDITY));
                String gateway = controlPlane.url(Service.API_GATEWAY);
                System.out.printf("All services healthy %.1f s after their JVMs started (%.1f s in all).%n",
                        servicesTook, total);
                System.out.println();
                System.out.println("Gateway:  " + gateway + "   (OpenAPI: " + gateway + "/q/openapi)");
                System.out.println("Auth:     a local admin token (valid "
                        + ADMIN_TOKEN_VALIDITY.toDays() + " days) is in " + tokenFile);
                System.out.println("Try:");
                System.out.println("  TOKEN=$(cat " + tokenFile + ")");
                System.out.println("  curl -s -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' \\");
                System.out.println("       -d '{\"address\":\"192.0.2.10\",\"name\":\"web-1\"}' " + gateway
                        + "/api/v1/hosts");
                System.out.println("  curl -s -H \"Authorization: Bearer $TOKEN\" " + gateway + "/api/v1/hosts");
                System.out.println("Stop with ./homeport down; logs with ./homeport logs [NAME].");
                return 0;
            } catch (RuntimeException e) {
                System.err.println("Start-up failed: " + e.getMessage());
                controlPlane.close();
                return 1;
            }
        }
    }

    @Command(name = "down", description = "Stop everything 'up' started.")
    static final class Down implements Callable<Integer> {
        @CommandLine.ParentCommand
        HomeportCommand parent;

        @Override
        public Integer call() {
            List<String> stopped = ControlPlane.stopRecorded(parent.home);
            System.out.println(stopped.isEmpty() ? "Nothing was running." : "Stopped " + String.join(", ", stopped) + ".");
            return anyRunning(parent.home) ? 1 : 0;
        }
    }

    @Command(name = "status", description = "Show each process and its health.")
    static final class Status implements Callable<Integer> {
        @CommandLine.ParentCommand
        HomeportCommand parent;

        @Override
        public Integer call() {
            return printStatus(parent.home) ? 0 : 3;
        }
    }

    @Command(name = "logs", description = "Print the log of one process (or all), optionally following it.")
    static final class Logs implements Callable<Integer> {
        @CommandLine.ParentCommand
        HomeportCommand parent;

        @Parameters(arity = "0..1", description = "kafka, postgres, api-gateway, provisioner, deployer, "
                + "storage-manager or tunnel-manager; all when omitted")
        String name;

        @Option(names = {"-f", "--follow"}, description = "Keep printing as the log grows.")
        boolean follow;

        @Option(names = {"-n", "--lines"}, defaultValue = "100", description = "Lines to show (default: 100).")
        int lines;

        @Override
        public Integer call() throws IOException, InterruptedException {
            List<String> names = name == null ? ControlPlane.allProcessNames().toList() : List.of(name);
            if (name != null && ControlPlane.allProcessNames().noneMatch(name::equals)) {
                System.err.println("Unknown process '" + name + "'; one of: "
                        + String.join(", ", ControlPlane.allProcessNames().toList()));
                return 2;
            }
            for (String each : names) {
                Path log = ControlPlane.logFile(parent.home, each);
                if (Files.exists(log)) {
                    List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
                    all.subList(Math.max(0, all.size() - lines), all.size())
                            .forEach(line -> System.out.println(names.size() > 1 ? each + " | " + line : line));
                }
            }
            if (follow && names.size() == 1) {
                follow(ControlPlane.logFile(parent.home, names.get(0)));
            }
            return 0;
        }

        private static void follow(Path log) throws IOException, InterruptedException {
            try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
                long position = file.length();
                while (true) {
                    if (file.length() > position) {
                        file.seek(position);
                        String line;
                        while ((line = file.readLine()) != null) {
                            System.out.println(line);
                        }
                        position = file.getFilePointer();
                    }
                    Thread.sleep(250);
                }
            }
        }
    }

    private static boolean anyRunning(Path home) {
        return ControlPlane.allProcessNames()
                .anyMatch(name -> ManagedProcess.recorded(ControlPlane.pidFile(home, name)).isPresent());
    }

    /** @return whether everything runs and every service is healthy */
    private static boolean printStatus(Path home) {
        boolean allHealthy = true;
        for (String name : ControlPlane.allProcessNames().toList()) {
            Optional<ProcessHandle> process = ManagedProcess.recorded(ControlPlane.pidFile(home, name));
            String health = "";
            Optional<Service> service = java.util.Arrays.stream(Service.values())
                    .filter(s -> s.module().equals(name)).findFirst();
            if (process.isPresent() && service.isPresent()) {
                int status = Probes.status("http://127.0.0.1:" + service.get().defaultPort() + "/q/health/ready");
                health = status == 200 ? "healthy" : "unhealthy (health answered " + status + ")";
                allHealthy &= status == 200;
            }
            allHealthy &= process.isPresent();
            System.out.printf("  %-16s %-22s %s%n", name,
                    process.map(p -> "running (pid " + p.pid() + ")").orElse("stopped"), health);
        }
        return allHealthy;
    }

    private static Path writeAdminToken(Path home, String token) throws IOException {
        Path file = home.resolve("admin-token").toAbsolutePath();
        Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
