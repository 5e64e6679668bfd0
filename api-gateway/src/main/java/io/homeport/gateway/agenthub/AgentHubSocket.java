package io.homeport.gateway.agenthub;

import io.homeport.agent.protocol.Frame;
import io.homeport.agent.protocol.Frames;
import io.homeport.agent.protocol.MalformedFrameException;
import io.homeport.gateway.audit.Actor;
import io.homeport.gateway.audit.AuditLog;
import io.homeport.gateway.enrollment.EnrollmentService;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The endpoint agents dial out to: {@code GET /api/v1/agents/connect} with {@code Authorization: Bearer <agent
 * credential>}, upgraded to a WebSocket of JSON {@link Frame}s. A connection that presents no valid credential,
 * speaks another protocol version or sends a malformed frame is closed with a reason; others are not affected.
 */
@WebSocket(path = AgentHubSocket.PATH)
public class AgentHubSocket {

    static final String PATH = "/api/v1/agents/connect";
    static final int UNAUTHORIZED = 4401;
    static final int BAD_FRAME = 4400;
    static final int UNSUPPORTED_VERSION = 4406;

    private static final Logger LOG = Logger.getLogger(AgentHubSocket.class);
    private static final UserData.TypedKey<String> HOST_ID = UserData.TypedKey.forString("hostId");

    private final EnrollmentService enrollment;
    private final AgentSessions sessions;
    private final DesiredStates desiredStates;
    private final AgentEvents events;
    private final AgentCommands commands;
    private final AuditLog audit;

    AgentHubSocket(EnrollmentService enrollment, AgentSessions sessions, DesiredStates desiredStates,
            AgentEvents events, AgentCommands commands, AuditLog audit) {
        this.enrollment = enrollment;
        this.sessions = sessions;
        this.desiredStates = desiredStates;
        this.events = events;
        this.commands = commands;
        this.audit = audit;
    }

    @OnOpen
    public void open(WebSocketConnection connection) {
        Instant at = Instant.now();
        Optional<String> credential = bearer(connection);
        Optional<UUID> host = credential.flatMap(enrollment::hostOf);
        if (host.isEmpty()) {
            // the agent of a replaced or decommissioned host is told so: it stops what it runs, which runs elsewhere
            boolean retired = credential.map(enrollment::retired).orElse(false);
            int code = retired ? Frames.CLOSE_RETIRED : UNAUTHORIZED;
            connection.closeAndAwait(new CloseReason(code, retired
                    ? "this host was replaced or decommissioned: its agent is retired"
                    : "a valid agent credential is required"));
            audit(connection, Actor.ANONYMOUS, code, at);
            return;
        }
        audit(connection, Actor.host(host.get()), 101, at);
        connection.userData().put(HOST_ID,
                host.get().toString());
        sessions.attach(host.get(), connection);
        LOG.infof("Agent of host %s connected", host.get());
    }

    @OnTextMessage
    public void message(String text, WebSocketConnection connection) {
        UUID hostId = hostOf(connection);
        if (hostId == null) {
            return;
        }
        Frame frame;
        try {
            frame = Frames.read(text);
        } catch (MalformedFrameException e) {
            LOG.warnf("Closing the connection of host %s: %s", hostId, e.getMessage());
            connection.closeAndAwait(new CloseReason(BAD_FRAME, truncate(e.getMessage())));
            return;
        }
        if (frame instanceof Frame.Hello hello) {
            if (hello.protocolVersion() != Frames.PROTOCOL_VERSION) {
                connection.closeAndAwait(new CloseReason(UNSUPPORTED_VERSION, "protocol version "
                        + hello.protocolVersion() + " is not supported; this hub speaks " + Frames.PROTOCOL_VERSION));
                return;
            }
            events.connected(hostId, hello.facts(), hello.sealingKey());
            desiredStates.of(hostId).ifPresent(desired -> sessions.send(hostId, desired));
            commands.connected(hostId);
        } else if (frame instanceof Frame.Report report) {
            events.reported(hostId, report);
        } else if (frame instanceof Frame.Heartbeat heartbeat) {
            events.heartbeat(hostId, heartbeat);
        } else if (frame instanceof Frame.Progress progress) {
            commands.progress(hostId, progress);
        } else if (frame instanceof Frame.Result result && result.commandId() != null) {
            commands.result(hostId, result);
        } else if (frame instanceof Frame.Result applied) {
            LOG.infof("Host %s %s revision %s", hostId, applied.succeeded() ? "applied" : "failed to apply",
                    applied.revision());
        } else {
            connection.closeAndAwait(new CloseReason(BAD_FRAME, "agents do not send "
                    + frame.getClass().getSimpleName().toLowerCase() + " frames"));
        }
    }

    @OnClose
    public void close(WebSocketConnection connection) {
        UUID hostId = hostOf(connection);
        if (hostId != null && sessions.detach(hostId, connection)) {
            events.disconnected(hostId, null);
            LOG.infof("Agent of host %s disconnected", hostId);
        }
    }

    /** A connect is audited like a mutation: the agent's session replaces any other of its host. */
    private void audit(WebSocketConnection connection, Actor actor, int outcome, Instant at) {
        audit.record(actor, "CONNECT " + PATH, PATH, outcome, at, Duration.between(at, Instant.now()).toMillis(),
                connection.handshakeRequest().remoteAddress());
    }

    private static Optional<String> bearer(WebSocketConnection connection) {
        String header = connection.handshakeRequest().header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).trim()).filter(s -> !s.isEmpty());
    }

    private static UUID hostOf(WebSocketConnection connection) {
        String id = connection.userData().get(HOST_ID);
        return id == null ? null : UUID.fromString(id);
    }

    /** WebSocket close reasons are limited to 123 bytes. */
    private static String truncate(String reason) {
        return reason.length() <= 120 ? reason : reason.substring(0, 117) + "...";
    }
}
