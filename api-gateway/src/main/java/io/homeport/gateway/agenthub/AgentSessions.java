package io.homeport.gateway.agenthub;

import io.homeport.agent.protocol.Frame;
import io.homeport.agent.protocol.Frames;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agents connected to this gateway replica, one connection per host: a host that connects again replaces
 * its older connection, which is closed. Frames go only to the connection of the host they are for.
 */
@ApplicationScoped
public class AgentSessions {

    static final int REPLACED = 4409;
    public static final int REVOKED = 4403;

    private final Map<UUID, WebSocketConnection> byHost = new ConcurrentHashMap<>();

    void attach(UUID hostId, WebSocketConnection connection) {
        WebSocketConnection previous = byHost.put(hostId, connection);
        if (previous != null && previous != connection && previous.isOpen()) {
            previous.close(new CloseReason(REPLACED, "replaced by a newer connection of the same host"))
                    .subscribe().with(ok -> { }, failure -> { });
        }
    }

    /** @return whether {@code connection} was the host's current one */
    boolean detach(UUID hostId, WebSocketConnection connection) {
        return byHost.remove(hostId, connection);
    }

    /** Sends a frame to the host's agent, when it is connected here. */
    public boolean send(UUID hostId, Frame frame) {
        WebSocketConnection connection = byHost.get(hostId);
        if (connection == null || !connection.isOpen()) {
            return false;
        }
        connection.sendTextAndAwait(Frames.write(frame));
        return true;
    }

    /** Closes the host's connection at once, with a reason the agent can log. */
    public void disconnect(UUID hostId, int code, String reason) {
        Optional.ofNullable(byHost.get(hostId)).filter(WebSocketConnection::isOpen)
                .ifPresent(connection -> connection.closeAndAwait(new CloseReason(code, reason)));
    }

}
