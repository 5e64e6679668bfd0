package io.homeport.provisioner.ssh;

import java.io.IOException;
import net.schmizz.sshj.SSHClient;

/**
 * An authenticated SSH connection from {@link SshSessions#open}, with the host key it was made with (the one to pin
 * after a first connection). Close it when done.
 */
public final class SshConnection implements AutoCloseable {

    private final SSHClient client;
    private final HostKey hostKey;
    private final String endpoint;

    SshConnection(SSHClient client, HostKey hostKey, String endpoint) {
        this.client = client;
        this.hostKey = hostKey;
        this.endpoint = endpoint;
    }

    /** The sshj client, for what {@link SshSessions} does not wrap (file transfer, port forwarding). */
    public SSHClient client() {
        return client;
    }

    public HostKey hostKey() {
        return hostKey;
    }

    /** {@code address:port} of the server, as messages name it. */
    public String endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException ignored) {
            // the connection is going away either way
        }
    }
}
