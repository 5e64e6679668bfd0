package io.homeport.testkit.drill;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import io.cloudevents.CloudEvent;
import io.homeport.events.EventCodec;
import io.homeport.events.EventTypes;
import io.homeport.events.Topics;
import io.homeport.events.agent.AgentReported;
import io.homeport.events.storage.VolumeReady;
import io.homeport.launcher.ControlPlane;
import io.homeport.launcher.Service;
import io.homeport.testkit.CloudflareApiStandIn;
import io.homeport.testkit.DockerEngine;
import io.homeport.testkit.EventReader;
import io.homeport.testkit.ExtraDockerEngine;
import io.homeport.testkit.Fuse;
import io.homeport.testkit.LocalImages;
import io.homeport.testkit.SftpCloud;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The disaster-recovery drill (brief §5), run by the end-to-end test (which asserts) and by {@code bench/run
 * dr-drill} (which prints figures): the whole control plane from the launcher; two {@link DrillHost}s, each in
 * network and mount namespaces of its own with its own dockerd, agent and rclone mount of the shared remote (an
 * {@code rclone serve sftp} cloud); the Cloudflare API stand-in. Two apps, both with failover policy {@code auto},
 * count into a file once a second and serve it over HTTP, exposed by DockFlare labels: {@link #SHARED} on a
 * {@code shared} volume, {@link #SYNCED} on a {@code local-synced} one. They start on host A.
 *
 * <p>Each count is a file of its own, {@code /data/counts/<n>.<container hostname>} holding {@code <hostname> <n>},
 * written once (two containers never write the same file):
 * a file appended to every second never settles long enough for a mount's write-back to upload it. An app goes on
 * from the highest count it finds, so the values one container wrote and the next one carried show what a move
 * lost.
 */
public final class DisasterDrill implements AutoCloseable {

    public static final String SHARED = "ledger";
    public static final String SYNCED = "notes";
    public static final List<String> APPS = List.of(SHARED, SYNCED);
    /** How often {@code local-synced} volumes sync in the drill. */
    public static final int SYNC_SECONDS = 3;
    public static final Duration WAIT = Duration.ofSeconds(120);
    private static final String ACCOUNT = "dr00123456789abcdef0123456789abc";

    private final Path home;
    private final String apiToken = "cfDrOnly_" + UUID.randomUUID().toString().replace("-", "");
    private ControlPlane controlPlane;
    private CloudflareApiStandIn cloudflare;
    private SftpCloud cloud;
    private DrillHost hostA;
    private DrillHost hostB;
    private String admin;
    private String gateway;
    private String zone;
    private String zoneId;
    private EventReader storageEvents;
    private EventReader reports;

    /** The last line of an app's counter: which container wrote it, and the value. */
    public record Counted(String writer, long value) {
    }

    /**
     * What a move carried: the old container had counted to {@code before}, the new one went on from
     * {@code carried}.
     */
    public record Carried(String app, String from, String to, long before, long carried, List<Long> values) {

        public long lost() {
            return Math.max(0, before - carried);
        }
    }

    private DisasterDrill(Path home) {
        this.home = home;
    }

    /**
     * Starts everything and deploys both apps onto host A (host B joins after them).
     *
     * @param repositoryRoot where the modules' packaged services and agent are
     * @param docker         this machine's engine, whose images the hosts get
     */
    public static DisasterDrill start(Path repositoryRoot, DockerClient docker) throws Exception {
        DisasterDrill drill = new DisasterDrill(Files.createTempDirectory("homeport-dr-drill"));
        try {
            drill.startAll(repositoryRoot, DockerEngine.require(docker));
            return drill;
        } catch (Exception | AssertionError e) {
            drill.close();
            throw e;
        }
    }

    private void startAll(Path repositoryRoot, DockerClient docker) throws Exception {
        Fuse.require(); // each host mounts the shared remote
        LocalImages.busybox(docker);
        LocalImages.cloudflaredStandIn(docker);
        cloud = SftpCloud.serveToTestHosts(home.resolve("cloud"));
        cloudflare = new CloudflareApiStandIn(apiToken, ACCOUNT);
        zone = "dr" + UUID.randomUUID().toString().substring(0, 6) + ".example.com";
        zoneId = cloudflare.seedZone(zone);

        Path volumes = home.resolve("volumes");
        Path mount = home.resolve("mnt");
        controlPlane = new ControlPlane(home.resolve("control-plane"), repositoryRoot, ControlPlane.Ports.free());
        controlPlane.startInfrastructure();
        controlPlane.startServices(List.of(Service.values()), Map.of(
                // the hosts reach this machine only over their own links
                Service.API_GATEWAY, Map.of("HOMEPORT_HTTP_HOST", "0.0.0.0"),
                // the agents' heartbeat is 1 s here: a host is lost 8 s after its next heartbeat was due
                Service.PROVISIONER, Map.of("HOMEPORT_PROVISIONER_LIVENESS_HEARTBEAT_INTERVAL", "1s",
                        "HOMEPORT_PROVISIONER_LIVENESS_LOST_AFTER", "8s"),
                // a cut-off host kills its apps within its self-fence window (5 s), a pass (2 s) and a fence read
                // (5 s) after the cut; it is declared lost 9 s after the cut at the earliest, so a 10 s wait leaves
                // a margin of 7 s
                Service.DEPLOYER, Map.of("HOMEPORT_DEPLOYER_FENCE_WAIT", "PT10S"),
                Service.STORAGE_MANAGER, Map.of(
                        "HOMEPORT_STORAGE_LOCAL_VOLUMES", volumes.toString(),
                        "HOMEPORT_STORAGE_MOUNT_PATH", mount.toString(),
                        "HOMEPORT_STORAGE_SYNC_INTERVAL", "PT" + SYNC_SECONDS + "S"),
                Service.TUNNEL_MANAGER, cloudflare.tunnelManagerEnvironment(LocalImages.CLOUDFLARED_STAND_IN)));
        admin = controlPlane.auth().token("drill-admin", List.of("admin"), Duration.ofHours(2));
        gateway = controlPlane.url(Service.API_GATEWAY);
        storageEvents = new EventReader(controlPlane.kafkaBootstrapServers(), Topics.STORAGE);
        reports = new EventReader(controlPlane.kafkaBootstrapServers(), Topics.AGENT_REPORTS);

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("type", "sftp", "options", Map.of(
                "host", ExtraDockerEngine.MACHINE_NAME, "port", Integer.toString(cloud.port()), "user", cloud.user(),
                "pass", cloud.password(), "shell_type", "unix", "md5sum_command", "md5sum",
                "sha1sum_command", "sha1sum")))
                .put(gateway + "/api/v1/remotes/shared").then().statusCode(201);
        seedSharedVolume();
        String key = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"kind\":\"REUSABLE\",\"maxUses\":2}").post(gateway + "/api/v1/enrollment-keys")
                .then().statusCode(201).extract().path("key");
        int gatewayPort = URI.create(gateway).getPort();
        List<String> images = List.of(LocalImages.BUSYBOX, LocalImages.CLOUDFLARED_STAND_IN);
        hostA = DrillHost.start(repositoryRoot, "a", home, volumes, mount, gatewayPort, key, "shared", images);
        deploy(SHARED, "shared");
        deploy(SYNCED, "local-synced");
        for (String app : APPS) {
            await(app + " runs on host A").atMost(WAIT).until(() -> hostA.runs(container(app)));
        }
        // host B joins only now, so that both apps were placed on A
        hostB = DrillHost.start(repositoryRoot, "b", home, volumes, mount, gatewayPort, key, "shared", images);
    }

    public DrillHost hostA() {
        return hostA;
    }

    public DrillHost hostB() {
        return hostB;
    }

    public DrillHost other(DrillHost host) {
        return host == hostA ? hostB : hostA;
    }

    public String gateway() {
        return gateway;
    }

    public String adminToken() {
        return admin;
    }

    public static String container(String app) {
        return "hp-" + app + "-0";
    }

    public String hostname(String app) {
        return app + "." + zone;
    }

    /** The shared volume's counts, as the cloud holds them. */
    public Path sharedCounterInTheCloud() {
        return sharedVolumeInTheCloud().resolve("counts");
    }

    /** A file seeded into the shared volume before the app first ran, as the cloud holds it. */
    public Path sharedSeedInTheCloud() {
        return sharedVolumeInTheCloud().resolve("seed").resolve("blob.bin");
    }

    /** The {@code local-synced} volume's counts, as its synced copy in the cloud holds them. */
    public Path syncedCounterInTheCloud() {
        return cloud.directory().resolve("synced").resolve(SYNCED).resolve("data").resolve("current")
                .resolve("counts");
    }

    private Path sharedVolumeInTheCloud() {
        return cloud.directory().resolve("apps").resolve(SHARED).resolve("data");
    }

    // --- the apps ---

    /** A counter that goes on from the highest count it finds, and a web server for the volume on port 8080. */
    private void deploy(String app, String mode) {
        String spec = "name: " + app + "\nimage: " + LocalImages.BUSYBOX + "\n"
                + "command: [sh, -c, 'trap \"exit 0\" TERM; i=0; mkdir -p /data/counts;"
                + " for f in $(ls /data/counts); do n=${f%%.*}; if [ $n -gt $i ]; then i=$n; fi; done;"
                + " echo $HOSTNAME > /data/index.html; httpd -p 8080 -h /data;"
                + " while true; do i=$((i+1)); echo \"$HOSTNAME $i\" > /data/counts/$i.$HOSTNAME; sleep 1; done']\n"
                + "volumes: [{name: data, mode: " + mode + ", mountPath: /data}]\n"
                + "network: {name: homeport-tunnel, aliases: [" + app + "]}\n"
                + "failover: auto\n"
                + "labels: {dockflare.enable: 'true', dockflare.hostname: " + hostname(app) + ", "
                + "dockflare.service: 'http://" + app + ":8080'}\n";
        await(app + " is accepted").atMost(WAIT).until(() -> given().auth().oauth2(admin)
                .contentType("application/yaml").body(spec.getBytes(StandardCharsets.UTF_8))
                .post(gateway + "/api/v1/apps").statusCode() == 202);
    }

    private void seedSharedVolume() throws Exception {
        Path seed = Files.createDirectories(sharedSeedInTheCloud().getParent());
        byte[] data = new byte[512 * 1024];
        new Random(11).nextBytes(data);
        Files.write(seed.resolve("blob.bin"), data);
    }

    // --- counters ---

    /**
     * The app's counts, {@code [writer, n]} by n, as its container on {@code host} reads them; empty when it does not
     * run there.
     */
    public List<String[]> lines(DrillHost host, String app) {
        return host.execIn(container(app), "sh", "-c", "cat /data/counts/* 2>/dev/null; true")
                .map(bytes -> parse(new String(bytes, StandardCharsets.UTF_8))).orElse(List.of());
    }

    /** The counts in a directory as this machine reads it, by n. */
    public static List<String[]> lines(Path counts) throws Exception {
        StringBuilder text = new StringBuilder();
        try (var files = Files.list(counts)) {
            for (Path file : files.toList()) {
                text.append(Files.readString(file)).append('\n');
            }
        }
        return parse(text.toString());
    }

    private static List<String[]> parse(String text) {
        return text.lines().map(line -> line.split(" ")).filter(fields -> fields.length == 2)
                .sorted(java.util.Comparator.comparingLong(fields -> Long.parseLong(fields[1]))).toList();
    }

    public Counted lastValue(DrillHost host, String app) {
        List<String[]> lines = lines(host, app);
        if (lines.isEmpty()) {
            throw new IllegalStateException(app + " has no counter on host " + host.name());
        }
        String[] last = lines.get(lines.size() - 1);
        return new Counted(last[0], Long.parseLong(last[1]));
    }

    public Map<String, Counted> lastValues(DrillHost host) {
        return Map.of(SHARED, lastValue(host, SHARED), SYNCED, lastValue(host, SYNCED));
    }

    /**
     * The last value {@code writer} wrote into a counts directory, as this machine reads it: from the files' names,
     * {@code <n>.<writer>}, so that a file still being uploaded (under another name) is not counted.
     */
    public static Counted lastWrittenBy(String writer, Path counts) throws IOException {
        try (var files = Files.list(counts)) {
            return new Counted(writer, files.map(file -> file.getFileName().toString().split("\\.", 2))
                    .filter(name -> name.length == 2 && name[1].equals(writer) && name[0].matches("\\d+"))
                    .mapToLong(name -> Long.parseLong(name[0])).max().orElse(0));
        }
    }

    public void awaitCounting(DrillHost host, String app, int values) {
        await(app + " counts on host " + host.name()).atMost(WAIT).until(() -> lines(host, app).size() >= values);
    }

    /**
     * Waits until the app counts on {@code to} with a new container, and says what it carried from the old one,
     * which had counted to {@code before}.
     */
    public Carried carried(DrillHost from, DrillHost to, String app, Counted before) {
        await(app + " counts on host " + to.name()).atMost(WAIT).until(() -> {
            List<String[]> lines = lines(to, app);
            return !lines.isEmpty() && !lines.get(lines.size() - 1)[0].equals(before.writer());
        });
        List<String[]> lines = lines(to, app);
        String newWriter = lines.get(lines.size() - 1)[0];
        long carried = lines.stream().filter(fields -> fields[0].equals(newWriter))
                .mapToLong(fields -> Long.parseLong(fields[1])).min().orElseThrow() - 1;
        return new Carried(app, from.name(), to.name(), before.value(), carried,
                lines.stream().map(fields -> Long.valueOf(fields[1])).toList());
    }

    // --- what the control plane says ---

    /** Waits for the host's liveness; returns when it was seen. */
    public Instant awaitLiveness(DrillHost host, String liveness) {
        await("host " + host.name() + " is " + liveness).atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> liveness.equals(given().auth().oauth2(admin)
                        .get(gateway + "/api/v1/hosts/" + host.hostId()).path("liveness")));
        return Instant.now();
    }

    /**
     * Waits until both apps run on {@code host}, their hostnames' CNAMEs point at its tunnel, its tunnel's ingress
     * has them, and its connector reaches each app's web server by the service its labels name; returns then.
     */
    public Instant awaitServed(DrillHost host) {
        String connector = "hp-cloudflared-" + host.hostId().toString().replace("-", "").substring(0, 12) + "-0";
        await("host " + host.name() + "'s tunnel").atMost(WAIT).until(() -> tunnelOf(host) != null);
        String tunnelId = tunnelOf(host);
        for (String app : APPS) {
            await(app + " is served through host " + host.name()).atMost(WAIT).pollInterval(Duration.ofMillis(250))
                    .until(() -> host.runs(container(app))
                            && cloudflare.cnameOf(zoneId, hostname(app)).equals(tunnelId + ".cfargotunnel.com")
                            && ("http://" + app + ":8080").equals(cloudflare.ingressServiceOf(tunnelId,
                                    hostname(app)))
                            && host.execIn(connector, "wget", "-q", "-O", "-", "http://" + app + ":8080/")
                                    .isPresent());
        }
        return Instant.now();
    }

    private String tunnelOf(DrillHost host) {
        List<Map<String, Object>> tunnels = given().auth().oauth2(admin).get(gateway + "/api/v1/tunnels").then()
                .statusCode(200).extract().path("findAll { it.hostId == '" + host.hostId() + "' }");
        return tunnels.isEmpty() ? null : (String) tunnels.get(0).get("tunnelId");
    }

    /** Moves everything off {@code from} to the other host, as a planned evacuation. */
    public void evacuate(DrillHost from) {
        given().auth().oauth2(admin).post(gateway + "/api/v1/hosts/" + from.hostId() + "/evacuate?to="
                + other(from).hostId()).then().statusCode(202);
    }

    /** Lets apps be placed on {@code host} again after an evacuation. */
    public void undrain(DrillHost host) {
        given().auth().oauth2(admin).delete(gateway + "/api/v1/hosts/" + host.hostId() + "/evacuate").then()
                .statusCode(204);
    }

    /** The host's agent reports (full or not) sent at or after {@code since}, read so far. */
    public List<AgentReported> reportsOf(DrillHost host, Instant since) {
        List<AgentReported> found = new ArrayList<>();
        for (ConsumerRecord<String, CloudEvent> record : reports.readFor(Duration.ofMillis(500))) {
            if (record.key().equals(host.hostId().toString())
                    && record.value().getType().equals(EventTypes.AGENT_REPORTED.type())) {
                AgentReported report = EventCodec.payload(record.value(), EventTypes.AGENT_REPORTED);
                if (!report.at().isBefore(since)) {
                    found.add(report);
                }
            }
        }
        return found;
    }

    /** Every lease the storage-manager granted (volume.ready), in order, read so far. */
    public List<VolumeReady> grants() {
        return storageEvents.readFor(Duration.ofMillis(500)).stream()
                .filter(record -> record.value().getType().equals(EventTypes.VOLUME_READY.type()))
                .map(record -> EventCodec.payload(record.value(), EventTypes.VOLUME_READY)).toList();
    }

    @Override
    public void close() {
        for (AutoCloseable closeable : new AutoCloseable[] {storageEvents, reports, hostA, hostB, controlPlane,
                cloudflare, cloud}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                System.err.println("cleaning up the drill: " + e);
            }
        }
    }
}
