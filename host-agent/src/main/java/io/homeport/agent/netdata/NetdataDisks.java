package io.homeport.agent.netdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.homeport.agent.protocol.DiskUsage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The host's disk usage as its Netdata measures it (the {@code homeport_netdata} Ansible role installs Netdata on
 * every host, its API on loopback): one request, {@code /api/v1/allmetrics?format=json&filter=disk_space.*}, gives
 * the latest value of every {@code disk_space.*} chart (one per mount point, its {@code family}; dimensions
 * {@code avail}, {@code used} and {@code reserved_for_root}, in GiB), as Netdata 1.37 (Debian 12's package) answers
 * and later versions still do.
 *
 * <p>Used % is {@code used / (used + avail)}, what {@code df} shows and Netdata's own {@code disk_space_usage}
 * alarm computes: space reserved for root is not free to applications. Like that alarm, {@code /dev} and {@code /run}
 * (and what lies under them: memory file systems) are left out. A Netdata that does not answer gives no disks; that
 * is logged once, not on every report, and again when it answers once more.
 */
public final class NetdataDisks {

    private static final Logger LOG = Logger.getLogger(NetdataDisks.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUERY = "/api/v1/allmetrics?format=json&filter=disk_space.*";
    private static final Map<String, Long> UNIT_BYTES = Map.of("B", 1L, "KiB", 1L << 10, "MiB", 1L << 20,
            "GiB", 1L << 30, "TiB", 1L << 40);

    private final URI query;
    private final HttpClient http;
    private boolean unreachable;

    public NetdataDisks(URI netdataUrl) {
        this.query = URI.create(netdataUrl.toString().replaceAll("/+$", "") + QUERY);
        // HTTP/1.1 only: Netdata's web server drops a request that offers an upgrade to HTTP/2 (the JDK client's
        // default for http:// URLs) now and then
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
    }

    /** Each file system Netdata measures, or none when Netdata does not answer. */
    public synchronized List<DiskUsage> read() {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(query).timeout(Duration.ofSeconds(5))
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IOException("HTTP " + answer.statusCode());
            }
            List<DiskUsage> disks = parse(answer.body());
            if (unreachable) {
                LOG.info("Netdata at " + query.getAuthority() + " answers again: reports carry disk usage");
                unreachable = false;
            }
            return disks;
        } catch (IOException | RuntimeException e) {
            if (!unreachable) {
                LOG.warning("Netdata at " + query.getAuthority() + " does not answer (" + e
                        + "): reports carry no disk usage until it does (HOMEPORT_NETDATA_URL)");
                unreachable = true;
            }
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** The disks of an {@code allmetrics} JSON answer; charts of other contexts or units are passed over. */
    static List<DiskUsage> parse(String json) throws IOException {
        List<DiskUsage> disks = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> charts = JSON.readTree(json).fields(); charts.hasNext(); ) {
            Map.Entry<String, JsonNode> chart = charts.next();
            JsonNode node = chart.getValue();
            String mountPoint = node.path("family").asText("");
            Long unit = UNIT_BYTES.get(node.path("units").asText());
            JsonNode dimensions = node.path("dimensions");
            if (!chart.getKey().startsWith("disk_space.") || !"disk.space".equals(node.path("context").asText())
                    || unit == null || !mountPoint.startsWith("/") || pseudo(mountPoint)
                    || !dimensions.path("avail").path("value").isNumber()
                    || !dimensions.path("used").path("value").isNumber()) {
                continue;
            }
            double avail = dimensions.path("avail").path("value").asDouble();
            double used = dimensions.path("used").path("value").asDouble();
            if (avail + used <= 0) {
                continue; // not measured yet: a chart holds zeros until Netdata's first collection
            }
            disks.add(new DiskUsage(mountPoint, used * 100 / (avail + used), Math.round(avail * unit)));
        }
        return disks;
    }

    private static boolean pseudo(String mountPoint) {
        return mountPoint.equals("/dev") || mountPoint.startsWith("/dev/") || mountPoint.equals("/run")
                || mountPoint.startsWith("/run/");
    }
}
