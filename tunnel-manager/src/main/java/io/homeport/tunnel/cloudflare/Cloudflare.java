package io.homeport.tunnel.cloudflare;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.homeport.platform.http.RetryAfterBackoff;
import io.homeport.tunnel.cloudflare.CloudflareRestClient.ConfigurationUpdate;
import io.homeport.tunnel.cloudflare.CloudflareRestClient.NewTunnel;
import io.homeport.tunnel.config.TunnelConfig;
import io.smallrye.faulttolerance.api.CustomBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.jboss.logging.Logger;

/**
 * The tunnel-manager's one way to the Cloudflare API v4: zones, tunnels and their configuration, DNS records, Access
 * applications and reusable policies of the configured account, and where the timeouts and retries live.
 *
 * <p>Every call is retried when Cloudflare rate limits (429, waiting out its {@code Retry-After}), fails (5xx) or
 * cannot be reached, with exponential backoff otherwise, for at most two minutes; a refusal (any other 4xx) is
 * not retried. A create that Cloudflare applied but answered with a 5xx is retried too: callers reconcile against
 * what is there (a second tunnel or CNAME of the same name is refused, and a reconciler adopts the first).
 * Lists fetch every page.
 *
 * <p>Every method throws {@link CloudflareRefusedException} when Cloudflare refuses (with its error codes),
 * {@link CloudflareUnavailableException} when Cloudflare still fails after the retries, and
 * {@link CloudflareNotConfiguredException} when {@link #configured()} is false.
 */
@ApplicationScoped
@Timeout(value = 30, unit = ChronoUnit.SECONDS)
@Retry(maxRetries = 5, delay = 250, maxDuration = 120, durationUnit = ChronoUnit.SECONDS,
        retryOn = {CloudflareUnavailableException.class, TimeoutException.class})
@CustomBackoff(RetryAfterBackoff.class)
public class Cloudflare {

    /** The most zones lists give per page; the other lists take it as well. */
    static final int PER_PAGE = 50;
    private static final int MAX_PAGES = 1_000;
    private static final long CONNECTION_TIMEOUT_MS = 20_000;
    private static final Logger LOG = Logger.getLogger(Cloudflare.class);

    private final URI apiUrl;
    private final Optional<String> accountId;
    private final boolean configured;
    private final CloudflareRestClient rest;

    Cloudflare(TunnelConfig config) {
        this.apiUrl = config.cloudflareApiUrl();
        this.accountId = config.cloudflareAccountId().filter(id -> !id.isBlank());
        Optional<String> token = config.cloudflareApiToken().filter(t -> !t.isBlank());
        this.configured = token.isPresent() && accountId.isPresent();
        this.rest = RestClientBuilder.newBuilder()
                .baseUri(apiUrl)
                .connectTimeout(CONNECTION_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .readTimeout(CONNECTION_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .register(new BearerToken(token.orElse("")))
                .register(CloudflareErrorMapper.class)
                .build(CloudflareRestClient.class);
        if (configured) {
            LOG.infof("Cloudflare API at %s, account %s", apiUrl, accountId.get());
        } else {
            LOG.info("Cloudflare is not configured (homeport.tunnel.cloudflare-api-token and -account-id); "
                    + "no tunnels are managed");
        }
    }

    /** Whether Cloudflare is used at all: an API token and an account id are configured. */
    public boolean configured() {
        return configured;
    }

    /** The zone called {@code name} (e.g. {@code example.org}), if the token can see it. */
    public Optional<Zone> zone(String name) {
        return all("list zones named " + name, page -> rest.zones(name, page, PER_PAGE)).stream().findFirst();
    }

    /** Every zone the token can see. */
    public List<Zone> zones() {
        return all("list zones", page -> rest.zones(null, page, PER_PAGE));
    }

    /** The account's tunnels that are not deleted; only those called {@code name} unless it is null. */
    public List<Tunnel> tunnels(String name) {
        return all("list tunnels", page -> rest.tunnels(account(), name, false, page, PER_PAGE));
    }

    /** A new remotely managed tunnel ({@code config_src: cloudflare}); a name in use is refused (409). */
    public Tunnel createTunnel(String name) {
        Tunnel tunnel = result("create tunnel " + name,
                () -> rest.createTunnel(account(), new NewTunnel(name, "cloudflare")));
        LOG.infof("Created Cloudflare tunnel %s (%s)", tunnel.name(), tunnel.id());
        return tunnel;
    }

    public Tunnel tunnel(String tunnelId) {
        return result("read tunnel " + tunnelId, () -> rest.tunnel(account(), tunnelId));
    }

    /** Deletes the tunnel (Cloudflare keeps it as deleted, with {@code deleted_at}); answers it as it is now. */
    public Tunnel deleteTunnel(String tunnelId) {
        Tunnel tunnel = result("delete tunnel " + tunnelId, () -> rest.deleteTunnel(account(), tunnelId));
        LOG.infof("Deleted Cloudflare tunnel %s (%s)", tunnel.name(), tunnel.id());
        return tunnel;
    }

    /** The token {@code cloudflared} runs the tunnel with. */
    public TunnelToken tunnelToken(String tunnelId) {
        return new TunnelToken(result("read the token of tunnel " + tunnelId,
                () -> rest.tunnelToken(account(), tunnelId)));
    }

    /** The tunnel's configuration as Cloudflare has it now, unknown rules and fields included. */
    public TunnelConfiguration configuration(String tunnelId) {
        return result("read the configuration of tunnel " + tunnelId, () -> rest.configuration(account(), tunnelId));
    }

    /**
     * Replaces the tunnel's configuration with {@code config} ({@code {"ingress": [...], ...}}, sent exactly as
     * given); the last ingress rule must match everything (no hostname). Answers the new version.
     */
    public TunnelConfiguration putConfiguration(String tunnelId, JsonNode config) {
        TunnelConfiguration configuration = result("put the configuration of tunnel " + tunnelId,
                () -> rest.putConfiguration(account(), tunnelId, new ConfigurationUpdate(config)));
        LOG.infof("Put configuration version %d of Cloudflare tunnel %s (%d ingress rules)",
                configuration.version(), tunnelId, configuration.ingress().size());
        return configuration;
    }

    /** The zone's DNS records; only those with this exact {@code name} and {@code type} unless null. */
    public List<DnsRecord> dnsRecords(String zoneId, String name, String type) {
        return all("list DNS records of zone " + zoneId, page -> rest.dnsRecords(zoneId, name, type, page, PER_PAGE));
    }

    public DnsRecord createDnsRecord(String zoneId, DnsRecordRequest record) {
        DnsRecord created = result("create DNS record " + record.type() + " " + record.name(),
                () -> rest.createDnsRecord(zoneId, record));
        LOG.infof("Created DNS record %s %s -> %s (%s)", created.type(), created.name(), created.content(),
                created.id());
        return created;
    }

    /** Changes the fields of {@code change} that are not null (PATCH), leaving the record's others as they are. */
    public DnsRecord updateDnsRecord(String zoneId, String recordId, DnsRecordRequest change) {
        DnsRecord updated = result("update DNS record " + recordId,
                () -> rest.patchDnsRecord(zoneId, recordId, change));
        LOG.infof("Updated DNS record %s %s -> %s (%s)", updated.type(), updated.name(), updated.content(),
                updated.id());
        return updated;
    }

    public void deleteDnsRecord(String zoneId, String recordId) {
        result("delete DNS record " + recordId, () -> rest.deleteDnsRecord(zoneId, recordId));
        LOG.infof("Deleted DNS record %s of zone %s", recordId, zoneId);
    }

    public List<AccessApp> accessApps() {
        return all("list Access applications", page -> rest.accessApps(account(), page, PER_PAGE));
    }

    public AccessApp createAccessApp(AccessApp app) {
        AccessApp created = result("create Access application " + app.name(),
                () -> rest.createAccessApp(account(), app));
        LOG.infof("Created Access application %s for %s (%s)", created.name(), created.domain(), created.id());
        return created;
    }

    /** Replaces the application with {@code app}, its unmodelled fields ({@link AccessApp#other()}) included. */
    public AccessApp updateAccessApp(String appId, AccessApp app) {
        AccessApp updated = result("update Access application " + appId,
                () -> rest.updateAccessApp(account(), appId, app));
        LOG.infof("Updated Access application %s for %s (%s)", updated.name(), updated.domain(), appId);
        return updated;
    }

    public void deleteAccessApp(String appId) {
        result("delete Access application " + appId, () -> rest.deleteAccessApp(account(), appId));
        LOG.infof("Deleted Access application %s", appId);
    }

    public List<AccessPolicy> accessPolicies() {
        return all("list Access policies", page -> rest.accessPolicies(account(), page, PER_PAGE));
    }

    public AccessPolicy createAccessPolicy(AccessPolicy policy) {
        AccessPolicy created = result("create Access policy " + policy.name(),
                () -> rest.createAccessPolicy(account(), policy));
        LOG.infof("Created Access policy %s (%s)", created.name(), created.id());
        return created;
    }

    public AccessPolicy updateAccessPolicy(String policyId, AccessPolicy policy) {
        AccessPolicy updated = result("update Access policy " + policyId,
                () -> rest.updateAccessPolicy(account(), policyId, policy));
        LOG.infof("Updated Access policy %s (%s)", updated.name(), policyId);
        return updated;
    }

    /** Cloudflare refuses to delete a policy that an application still uses. */
    public void deleteAccessPolicy(String policyId) {
        result("delete Access policy " + policyId, () -> rest.deleteAccessPolicy(account(), policyId));
        LOG.infof("Deleted Access policy %s", policyId);
    }

    private String account() {
        if (!configured) {
            throw new CloudflareNotConfiguredException();
        }
        return accountId.orElseThrow();
    }

    /** Every page of a list, {@link #PER_PAGE} at a time, up to the last page {@code result_info} names. */
    private <T> List<T> all(String what, IntFunction<CloudflareResponse<List<T>>> page) {
        List<T> all = new ArrayList<>();
        for (int number = 1; number <= MAX_PAGES; number++) {
            int current = number;
            CloudflareResponse<List<T>> response = response(what, () -> page.apply(current));
            List<T> items = response.result() == null ? List.of() : response.result();
            all.addAll(items);
            boolean last = response.resultInfo() != null && response.resultInfo().totalPages() > 0
                    ? number >= response.resultInfo().totalPages()
                    : items.size() < PER_PAGE;
            if (last || items.isEmpty()) {
                return all;
            }
        }
        throw new IllegalStateException("Cloudflare could not " + what + ": more than " + MAX_PAGES + " pages");
    }

    private <T> T result(String what, Supplier<CloudflareResponse<T>> call) {
        return response(what, call).result();
    }

    private <T> CloudflareResponse<T> response(String what, Supplier<CloudflareResponse<T>> call) {
        account();
        CloudflareResponse<T> response;
        try {
            response = call.get();
        } catch (CloudflareException e) {
            throw e.during(what);
        } catch (ProcessingException e) {
            throw unanswered(what, e);
        }
        if (!response.success()) {
            List<CloudflareError> errors = response.errors() == null ? List.of() : response.errors();
            throw new CloudflareRefusedException(what, 200, CloudflareError.describe(errors), errors);
        }
        return response;
    }

    /** No usable answer: unreachable or timed out (worth retrying), or an answer not in Cloudflare's shape. */
    private CloudflareException unanswered(String what, ProcessingException e) {
        if (e.getCause() instanceof CloudflareException cause) {
            return cause.during(what);
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String detail = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage());
        if (root instanceof JacksonException) {
            return new CloudflareRefusedException(what, 0, "the answer was not in the documented shape: "
                    + root.getClass().getSimpleName(), List.of());
        }
        return new CloudflareUnavailableException(what, 0, "API at " + apiUrl + " could not be reached: " + detail,
                List.of(), null, e);
    }
}
