package io.homeport.provisioner.ssh;

import io.homeport.provisioner.config.ProvisionerConfig;
import io.homeport.provisioner.ssh.PreflightFailure.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.DisconnectReason;
import net.schmizz.sshj.connection.ConnectionException;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;

/**
 * Opens SSH connections to hosts, authenticated with the host's private key and verified against its pinned host key
 * (or trusting and recording the first key, for a new host). Every failure is a {@link PreflightFailure} with a
 * message a person can act on.
 *
 * <p>sshj brings BouncyCastle and registers it as the JCE provider {@code BC} on first use (ed25519 keys need it).
 * In tests and dev mode, {@code application.properties} loads BouncyCastle parent first, so the provider registered
 * once per JVM stays usable when Quarkus restarts the application in a new class loader.
 */
@ApplicationScoped
public class SshSessions {

    private final Duration connectTimeout;

    @Inject
    SshSessions(ProvisionerConfig config) {
        this(config.ssh().connectTimeout());
    }

    /** @param connectTimeout how long to wait for TCP, the SSH handshake and each answer of the server */
    public SshSessions(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /**
     * Connects, verifies the host key and logs in.
     *
     * @throws PreflightFailure {@code INVALID_KEY} (checked before any connection), {@code UNREACHABLE},
     *         {@code HOST_KEY_CHANGED} or {@code AUTHENTICATION_FAILED}
     */
    public SshConnection open(SshTarget target) {
        SSHClient client = new SSHClient();
        try {
            KeyProvider key = readKey(client, target.privateKeyPem());
            PinningHostKeyVerifier verifier = new PinningHostKeyVerifier(target.pinnedHostKey());
            client.addHostKeyVerifier(verifier);
            int timeoutMillis = Math.toIntExact(connectTimeout.toMillis());
            client.setConnectTimeout(timeoutMillis);
            client.setTimeout(timeoutMillis);
            client.getTransport().setTimeoutMs(timeoutMillis);
            connect(client, target, verifier);
            authenticate(client, target, key);
            HostKey hostKey = verifier.offered().orElseThrow(
                    () -> new IllegalStateException("connected without seeing a host key"));
            return new SshConnection(client, hostKey, target.endpoint());
        } catch (RuntimeException e) {
            closeQuietly(client);
            throw e;
        }
    }

    /**
     * Runs {@code command} and returns its exit code and output. Meant for short commands: their output must fit in
     * the channel's window (sshj's 2 MiB) to be read after they end.
     *
     * @throws PreflightFailure {@code UNREACHABLE} when the command does not end within {@code timeout} or the
     *         connection drops
     */
    public CommandResult run(SshConnection connection, String command, Duration timeout) {
        try (Session session = connection.client().startSession()) {
            Session.Command running = session.exec(command);
            try {
                running.join(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ConnectionException timedOut) {
                throw new PreflightFailure(Reason.UNREACHABLE, connection.endpoint() + " did not finish `" + command
                        + "` within " + timeout.toSeconds() + " s");
            }
            String stdout = readAll(running.getInputStream());
            String stderr = readAll(running.getErrorStream());
            Integer exitStatus = running.getExitStatus();
            return new CommandResult(command, exitStatus == null ? -1 : exitStatus, stdout, stderr);
        } catch (IOException e) {
            throw new PreflightFailure(Reason.UNREACHABLE, "lost the connection to " + connection.endpoint()
                    + " while running `" + command + "`: " + e.getMessage());
        }
    }

    /**
     * Reads the key before connecting, so a key that cannot work never reaches the server. sshj parses lazily and its
     * parser errors may quote the input, so neither its message nor its exception is passed on: only the type.
     */
    private static KeyProvider readKey(SSHClient client, String pem) {
        String text = pem.strip().replace("\r\n", "\n");
        PassphraseAsked passphrase = new PassphraseAsked();
        try {
            KeyProvider key = client.loadKeys(text, null, passphrase);
            key.getPrivate();
            key.getPublic();
            return key;
        } catch (IOException | RuntimeException e) {
            String why = passphrase.asked || text.contains("ENCRYPTED")
                    ? "it is protected by a passphrase; give a key without one"
                    : "expected an unencrypted OpenSSH, PKCS#8 or PEM private key (ed25519, ECDSA or RSA); the reader"
                            + " said " + e.getClass().getSimpleName();
            throw new PreflightFailure(Reason.INVALID_KEY, "the private key cannot be read: " + why);
        }
    }

    private void connect(SSHClient client, SshTarget target, PinningHostKeyVerifier verifier) {
        try {
            client.connect(target.address(), target.port());
        } catch (TransportException e) {
            if (e.getDisconnectReason() == DisconnectReason.HOST_KEY_NOT_VERIFIABLE && verifier.offered().isPresent()) {
                HostKey offered = verifier.offered().get();
                throw new PreflightFailure(Reason.HOST_KEY_CHANGED, "the host key of " + target.endpoint()
                        + " changed: pinned " + target.pinnedHostKey().orElse("(none)") + ", offered "
                        + offered.fingerprint() + " (" + offered.type() + ") — if the server was reinstalled, remove"
                        + " the host and add it again; otherwise someone may be intercepting the connection."
                        + " Nothing was run on it.");
            }
            throw new PreflightFailure(Reason.UNREACHABLE, "cannot reach " + target.endpoint()
                    + ": no SSH server answered (" + e.getMessage() + ")");
        } catch (UnknownHostException e) {
            throw new PreflightFailure(Reason.UNREACHABLE, "cannot reach " + target.endpoint() + ": unknown host "
                    + target.address());
        } catch (SocketTimeoutException e) {
            throw new PreflightFailure(Reason.UNREACHABLE, "cannot reach " + target.endpoint() + ": no answer within "
                    + connectTimeout.toSeconds() + " s");
        } catch (ConnectException | NoRouteToHostException e) {
            throw new PreflightFailure(Reason.UNREACHABLE, "cannot reach " + target.endpoint() + ": "
                    + e.getMessage());
        } catch (IOException e) {
            throw new PreflightFailure(Reason.UNREACHABLE, "cannot reach " + target.endpoint() + ": "
                    + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static void authenticate(SSHClient client, SshTarget target, KeyProvider key) {
        try {
            client.authPublickey(target.user(), key);
        } catch (UserAuthException e) {
            Collection<String> accepted = client.getUserAuth().getAllowedMethods();
            throw new PreflightFailure(Reason.AUTHENTICATION_FAILED, "user " + target.user() + " was refused with the"
                    + " given key by " + target.endpoint() + " (the server accepts: "
                    + (accepted.isEmpty() ? "nothing it named" : String.join(", ", accepted)) + ")");
        } catch (TransportException e) {
            throw new PreflightFailure(Reason.UNREACHABLE, "lost the connection to " + target.endpoint()
                    + " while logging in as " + target.user() + ": " + e.getMessage());
        }
    }

    private static String readAll(InputStream stream) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        stream.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void closeQuietly(SSHClient client) {
        try {
            client.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }

    /** Never gives a passphrase (Homeport keys have none), but notes that one was wanted, for a clear message. */
    private static final class PassphraseAsked implements PasswordFinder {
        private volatile boolean asked;

        @Override
        public char[] reqPassword(Resource<?> resource) {
            asked = true;
            return null;
        }

        @Override
        public boolean shouldRetry(Resource<?> resource) {
            return false;
        }
    }
}
