package io.homeport.provisioner.ssh;

import io.homeport.provisioner.config.ProvisionerConfig;
import io.homeport.provisioner.ssh.PreflightFailure.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;

/**
 * Checks, before anything is installed, that a host can be provisioned: it answers over SSH with the expected host
 * key, accepts the given key, runs a supported operating system, and the user can act as root without a password
 * (Ansible's {@code become} runs non-interactively). Reads only; changes nothing on the host.
 */
@ApplicationScoped
public class Preflight {

    /** os-release(5): {@code /etc/os-release}, else {@code /usr/lib/os-release}. */
    static final String READ_OS_RELEASE = "cat /etc/os-release 2>/dev/null || cat /usr/lib/os-release";
    static final String USER_ID = "id -u";
    static final String SUDO_WITHOUT_PASSWORD = "sudo -n true";

    private final SshSessions sessions;
    private final Duration commandTimeout;

    @Inject
    Preflight(SshSessions sessions, ProvisionerConfig config) {
        this(sessions, config.ssh().commandTimeout());
    }

    /** @param commandTimeout how long each command of the check may take */
    public Preflight(SshSessions sessions, Duration commandTimeout) {
        this.sessions = sessions;
        this.commandTimeout = commandTimeout;
    }

    /**
     * Runs the check.
     *
     * @return the report, with the host key to pin when {@code target} had none
     * @throws PreflightFailure naming the first thing that stops provisioning
     */
    public PreflightReport check(SshTarget target) {
        try (SshConnection connection = sessions.open(target)) {
            Map<String, String> osRelease = readOsRelease(connection);
            SupportedOs.Decision decision = SupportedOs.decide(osRelease);
            if (!decision.supported()) {
                throw new PreflightFailure(Reason.UNSUPPORTED_OS, target.endpoint() + ": " + decision.reason());
            }
            checkRoot(connection, target);
            return new PreflightReport(connection.hostKey().fingerprint(), connection.hostKey().type(),
                    connection.hostKey().publicKey(),
                    osRelease.getOrDefault("PRETTY_NAME", osRelease.get("ID") + " " + osRelease.get("VERSION_ID")),
                    osRelease.get("ID"), osRelease.getOrDefault("VERSION_ID", ""), true);
        }
    }

    private Map<String, String> readOsRelease(SshConnection connection) {
        CommandResult result = sessions.run(connection, READ_OS_RELEASE, commandTimeout);
        if (!result.succeeded()) {
            throw new PreflightFailure(Reason.UNSUPPORTED_OS, "the operating system of " + connection.endpoint()
                    + " cannot be identified: it has no readable /etc/os-release (" + result.stderr().strip() + ")");
        }
        return OsRelease.parse(result.stdout());
    }

    /** Root by user id, not by name: any uid-0 account can do what root can. */
    private void checkRoot(SshConnection connection, SshTarget target) {
        CommandResult uid = sessions.run(connection, USER_ID, commandTimeout);
        if (uid.succeeded() && uid.stdout().strip().equals("0")) {
            return;
        }
        CommandResult sudo = sessions.run(connection, SUDO_WITHOUT_PASSWORD, commandTimeout);
        if (sudo.succeeded()) {
            return;
        }
        String detail = sudo.exitCode() == 127 ? "sudo is not installed"
                : sudo.stderr().isBlank() ? "`sudo -n true` exited " + sudo.exitCode() : sudo.stderr().strip();
        throw new PreflightFailure(Reason.NO_SUDO, "user " + target.user() + " cannot run sudo without a password on "
                + target.endpoint() + " (" + detail + "); use root, or allow the user NOPASSWD in sudoers");
    }
}
