package io.homeport.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.homeport.launcher.process.FreePorts;
import io.homeport.launcher.process.ManagedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real Netdata for tests: Debian's {@code netdata} package (1.37 in Debian 12, what the {@code homeport_netdata}
 * role installs on hosts) run in the foreground on {@code 127.0.0.1} and a free port, with its own configuration,
 * cache, library, log and run directories. It measures this machine, as it would a host.
 *
 * <p>Its plugins directory is an empty one of its own: the external collectors are not needed (disk space is
 * measured by Netdata itself), and {@code system-info.sh} from the stock directory probes cloud metadata servers
 * with timeouts, which made the first {@code disk_space} chart take 8–14 s here instead of about 3 s. Health
 * checks, machine learning, the registry and the cloud link are off.
 */
public final class Netdata implements AutoCloseable {

    private static final Path NETDATA = Path.of("/usr/sbin/netdata");
    private static final String DISKS = "/api/v1/allmetrics?format=json&filter=disk_space.*";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ManagedProcess process;
    private final int port;
    private final Duration startup;

    private Netdata(ManagedProcess process, int port, Duration startup) {
        this.process = process;
        this.port = port;
        this.startup = startup;
    }

    /**
     * Starts Netdata with its files under {@code dir}, and waits until it serves the root file system's
     * {@code disk_space} chart with a measured value.
     *
     * @param newMountsEvery how often it looks for newly mounted file systems (its default is 15 s)
     */
    public static Netdata start(Path dir, Duration newMountsEvery) {
        Unavailable.requireExecutables("apt-get install -y netdata", NETDATA);
        Unavailable.requireRoot("Netdata reading every mount point");
        try {
            for (String sub : List.of("cache", "lib", "log", "run", "plugins")) {
                Files.createDirectories(dir.resolve(sub));
            }
            int port = FreePorts.next();
            Path config = dir.resolve("netdata.conf");
            Files.writeString(config, """
                    [global]
                        run as user = root
                    [directories]
                        cache = %1$s/cache
                        lib = %1$s/lib
                        log = %1$s/log
                        run = %1$s/run
                        plugins = %1$s/plugins
                    [web]
                        bind to = 127.0.0.1:%2$d
                    [plugins]
                        apps = no
                        cgroups = no
                        tc = no
                        idlejitter = no
                        ebpf = no
                        perf = no
                        slabinfo = no
                    [plugin:proc:diskspace]
                        check for new mount points every = %3$d
                    [health]
                        enabled = no
                    [ml]
                        enabled = no
                    [registry]
                        enabled = no
                    [statsd]
                        enabled = no
                    """.formatted(dir, port, Math.max(1, newMountsEvery.toSeconds())));
            ManagedProcess process = ManagedProcess.start("netdata", List.of(NETDATA.toString(), "-D", "-c",
                    config.toString()), Map.of(), dir.resolve("netdata.out"), dir.resolve("netdata.pid"));
            Netdata starting = new Netdata(process, port, null);
            try {
                return new Netdata(process, port, process.awaitReady(starting::servesRootDisk, Duration.ofSeconds(60)));
            } catch (RuntimeException e) {
                process.stop(Duration.ofSeconds(5));
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>}, what the agent's {@code HOMEPORT_NETDATA_URL} is set to. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** How long it took from start until the root file system's disk space was served. */
    public Duration startup() {
        return startup;
    }

    /** The {@code allmetrics} answer for the {@code disk_space} charts, as the agent asks for it. */
    public String diskSpace() {
        try {
            HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(HttpRequest.newBuilder(
                    URI.create(url() + DISKS)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 ? answer.body() : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** The root file system's chart is there and has been measured (its values are zeros until then). */
    private boolean servesRootDisk() {
        try {
            for (JsonNode chart : JSON.readTree(diskSpace().isEmpty() ? "{}" : diskSpace())) {
                JsonNode dimensions = chart.path("dimensions");
                if ("/".equals(chart.path("family").asText()) && dimensions.path("avail").path("value").asDouble()
                        + dimensions.path("used").path("value").asDouble() > 0) {
                    return true;
                }
            }
            return false;
        } catch (IOException notYetJson) {
            return false;
        }
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(10));
    }
}
