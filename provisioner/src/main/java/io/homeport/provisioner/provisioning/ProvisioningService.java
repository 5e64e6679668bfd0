package io.homeport.provisioner.provisioning;

import io.homeport.api.hosts.ProvisioningRunView;
import io.homeport.platform.problem.ProblemException;
import io.homeport.platform.problem.ProblemType;
import io.homeport.platform.secret.SecretTokens;
import io.homeport.provisioner.config.ProvisionerConfig;
import io.homeport.provisioner.host.HostAccess;
import io.homeport.provisioner.host.HostAccess.Checked;
import io.homeport.provisioner.host.HostService;
import io.homeport.provisioner.tailscale.TailscaleException;
import io.homeport.provisioner.tailscale.TailscaleKeys;
import io.homeport.provisioner.tailscale.TailscaleRefusedException;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

/**
 * Provisioning runs: preflight, then the playbook in the background, one run per host at a time, each task a
 * recorded step and an event. A run is cancelled through the database, so any replica may take the request; the
 * one running the playbook ends it.
 */
@ApplicationScoped
public class ProvisioningService {

    private static final Logger LOG = Logger.getLogger(ProvisioningService.class);
    static final String ENROLLMENT_KEY_PREFIX = "hpe_";
    /** A run whose replica has not marked it alive for this long was orphaned (the marks come every second). */
    private static final Duration ORPHANED_AFTER = Duration.ofSeconds(30);

    private final HostService hosts;
    private final HostAccess access;
    private final Playbook playbook;
    private final RunRecorder recorder;
    private final TailscaleKeys tailscale;
    private final ProvisionerConfig config;
    private final Map<UUID, PlaybookRun> local = new ConcurrentHashMap<>();
    private final ExecutorService runs = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "provisioning-run");
        thread.setDaemon(true);
        return thread;
    });

    ProvisioningService(HostService hosts, HostAccess access, Playbook playbook, RunRecorder recorder,
            TailscaleKeys tailscale, ProvisionerConfig config) {
        this.hosts = hosts;
        this.access = access;
        this.playbook = playbook;
        this.recorder = recorder;
        this.tailscale = tailscale;
        this.config = config;
    }

    /**
     * Preflights the host, then starts the playbook on it in the background.
     *
     * @throws ProblemException 409 (a run is going, host key changed, decommissioned), 422 (preflight refused the
     *                          host, no gateway URL configured), 503 (Ansible unusable, Tailscale API failing)
     */
    public ProvisioningRunView start(UUID hostId) {
        String gatewayUrl = gatewayUrl();
        Checked host = access.check(hostId);
        int totalSteps = playbook.countTasks();
        Map<String, String> secrets = new LinkedHashMap<>();
        String enrollmentKey = SecretTokens.generate(ENROLLMENT_KEY_PREFIX);
        secrets.put("homeport_agent_enrollment_key", enrollmentKey);
        secrets.put("homeport_tailscale_auth_key", tailscale.configured() ? tailscaleAuthKey(host.name()) : "");
        ProvisioningRun run = recorder.begin(host, totalSteps, enrollmentKey,
                config.agent().enrollmentKeyValidity());

        try {
            launch(run, host, gatewayUrl, secrets);
        } catch (RuntimeException e) {
            recorder.failed(run.id, RunState.FAILED, null, "The playbook could not be started: " + e.getMessage(),
                    null);
            throw e;
        }
        LOG.infof("Provisioning run %s started on host %s (%s, %d tasks)", run.id, host.name(), host.report().os(),
                totalSteps);
        return RunMapper.toView(run, List.of());
    }

    /**
     * The gateway URL provisioned hosts' agents dial out to.
     *
     * @throws ProblemException 422 when it is not configured: nothing can be provisioned
     */
    public String gatewayUrl() {
        return config.agent().gatewayUrl().orElseThrow(() -> new ProblemException(ProblemType.UNPROCESSABLE,
                "The provisioner does not know the gateway URL hosts reach: set "
                        + "homeport.provisioner.agent.gateway-url (HOMEPORT_PROVISIONER_AGENT_GATEWAY_URL)"));
    }

    /** Writes the run's workspace and starts its playbook on a thread of its own. */
    private void launch(ProvisioningRun run, Checked host, String gatewayUrl, Map<String, String> secrets) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("homeport_agent_gateway_url", gatewayUrl);
        variables.put("homeport_agent_package_dir", config.agent().packageDirectory().toAbsolutePath().normalize()
                .toString());
        variables.put("homeport_tailscale_hostname", host.name());
        variables.put("homeport_tailscale_advertise_tags", config.tailscale().tags());
        AnsibleWorkspace workspace = AnsibleWorkspace.create(new AnsibleWorkspace.Target(host.name(), host.address(),
                host.port(), host.user(), host.privateKey(), host.hostPublicKey()), variables, secrets);
        PlaybookRun playbookRun = new PlaybookRun(run.id, host.name(), workspace, Set.copyOf(secrets.values()),
                playbook, recorder, config.ansible().runTimeout());
        local.put(run.id, playbookRun);
        runs.submit(() -> {
            try {
                playbookRun.run();
            } finally {
                local.remove(run.id);
            }
        });
    }

    /** A fresh single-use auth key for the host to join the tailnet with; Tailscale's refusal is the caller's answer. */
    private String tailscaleAuthKey(String hostName) {
        try {
            return tailscale.mint(hostName).key();
        } catch (TailscaleRefusedException e) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "Cannot mint a Tailscale auth key: "
                    + e.getMessage());
        } catch (TailscaleException | CircuitBreakerOpenException e) {
            throw new ProblemException(ProblemType.UNAVAILABLE, "Cannot mint a Tailscale auth key now: "
                    + e.getMessage());
        }
    }

    @Transactional
    public List<ProvisioningRunView> list(UUID hostId) {
        hosts.find(hostId);
        return ProvisioningRun.<ProvisioningRun>list("hostId", Sort.descending("startedAt"), hostId).stream()
                .map(run -> RunMapper.toView(run, null)).toList();
    }

    @Transactional
    public ProvisioningRunView get(UUID hostId, UUID runId) {
        ProvisioningRun run = find(hostId, runId);
        return RunMapper.toView(run, steps(runId, 0));
    }

    /** A run as a progress stream sees it: its state, and its steps after step {@code after}, in order. */
    public record Progress(ProvisioningRun run, List<ProvisioningStep> steps) {
    }

    /**
     * What a progress stream sends next, in one transaction. The run is read before its steps, so every step
     * recorded before the run ended is among them when the run is seen ended.
     */
    @Transactional
    public Progress progress(UUID hostId, UUID runId, int after) {
        ProvisioningRun run = find(hostId, runId);
        return new Progress(run, steps(runId, after));
    }

    private static List<ProvisioningStep> steps(UUID runId, int after) {
        return ProvisioningStep.list("runId = ?1 and n > ?2", Sort.ascending("n"), runId, after);
    }

    @Transactional
    public ProvisioningRun find(UUID hostId, UUID runId) {
        return ProvisioningRun.<ProvisioningRun>findByIdOptional(runId).filter(run -> run.hostId.equals(hostId))
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "Host " + hostId + " has no run "
                        + runId));
    }

    public ProvisioningRunView cancel(UUID hostId, UUID runId) {
        ProvisioningRun run = recorder.requestCancel(hostId, runId);
        supervise();
        return RunMapper.toView(run, null);
    }

    /**
     * Every second: marks this replica's runs alive, ends those someone asked to cancel (through whichever replica),
     * and fails runs orphaned by a replica that died.
     */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void supervise() {
        recorder.supervise(Set.copyOf(local.keySet()), ORPHANED_AFTER)
                .forEach(runId -> Optional.ofNullable(local.get(runId)).ifPresent(PlaybookRun::cancel));
    }

    @PreDestroy
    void stopAll() {
        local.values().forEach(run -> run.abandon("the provisioner stopped during the run"));
        runs.shutdownNow();
    }
}
