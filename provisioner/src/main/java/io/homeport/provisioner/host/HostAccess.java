package io.homeport.provisioner.host;

import io.homeport.api.hosts.PreflightView;
import io.homeport.platform.problem.ProblemException;
import io.homeport.platform.problem.ProblemType;
import io.homeport.provisioner.ssh.Preflight;
import io.homeport.provisioner.ssh.PreflightFailure;
import io.homeport.provisioner.ssh.PreflightReport;
import io.homeport.provisioner.ssh.SshTarget;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * Reaching a host over SSH the way the inventory says: with its key, trusting only its pinned host key. The first
 * successful contact pins the key the host offered (unless one was given at registration) and records its OS.
 */
@ApplicationScoped
public class HostAccess {

    private final HostService hosts;
    private final SshKeys keys;
    private final Preflight preflight;

    HostAccess(HostService hosts, SshKeys keys, Preflight preflight) {
        this.hosts = hosts;
        this.keys = keys;
        this.preflight = preflight;
    }

    /** How to reach a checked host; holds its private key, so it never prints it. */
    public record Checked(UUID id, String name, String address, int port, String user, String privateKey,
            String hostPublicKey, PreflightReport report, boolean pinnedNow) {

        @Override
        public String toString() {
            return "Checked[" + user + "@" + address + ":" + port + " (" + name + "), " + report.os() + "]";
        }
    }

    /** The API's preflight: checks, pins, and says what it found. */
    public PreflightView preflight(UUID hostId) {
        Checked checked = check(hostId);
        PreflightReport report = checked.report();
        return new PreflightView(report.hostKeyFingerprint(), report.hostKeyType(), checked.pinnedNow(), report.os(),
                report.sudo());
    }

    /**
     * Checks the host: reachable, host key as pinned, OS supported, sudo. Runs outside any transaction (it waits
     * on the network) and pins in a short one of its own.
     *
     * @throws ProblemException 409 when the host key changed, 422 naming any other reason, 404 for no such host
     */
    public Checked check(UUID hostId) {
        // one short read: the host (a detached copy) and its key, decrypted once
        Host host = QuarkusTransaction.requiringNew().call(() -> {
            Host found = hosts.find(hostId);
            if (found.state == HostState.DECOMMISSIONED) {
                throw new ProblemException(ProblemType.CONFLICT, "Host " + found.name + " is decommissioned");
            }
            return found;
        });
        String privateKey = keys.privateKey(host);
        PreflightReport report;
        try {
            report = preflight.check(new SshTarget(host.address, host.port, host.sshUser, privateKey,
                    Optional.ofNullable(host.hostKeyFingerprint)));
        } catch (PreflightFailure failure) {
            throw new ProblemException(failure.reason() == PreflightFailure.Reason.HOST_KEY_CHANGED
                    ? ProblemType.CONFLICT : ProblemType.UNPROCESSABLE,
                    "Preflight of host " + host.name + " failed: " + failure.getMessage());
        }
        boolean pinnedNow = QuarkusTransaction.requiringNew().call(() -> pin(hostId, report));
        return new Checked(host.id, host.name, host.address, host.port, host.sshUser, privateKey,
                report.hostPublicKey(), report, pinnedNow);
    }

    /** Pins the key unless one is pinned (a concurrent check may have pinned the same key first); keeps the OS. */
    private boolean pin(UUID hostId, PreflightReport report) {
        Host host = hosts.find(hostId);
        host.os = report.os();
        if (host.hostPublicKey != null) {
            return false;
        }
        boolean pinnedNow = host.hostKeyFingerprint == null;
        host.hostKeyFingerprint = report.hostKeyFingerprint();
        host.hostPublicKey = report.hostPublicKey();
        return pinnedNow;
    }
}
