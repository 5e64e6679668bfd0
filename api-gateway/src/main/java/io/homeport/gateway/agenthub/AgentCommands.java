package io.homeport.gateway.agenthub;

import io.homeport.agent.protocol.Commands;
import io.homeport.agent.protocol.Frame;
import io.homeport.events.agent.AgentCommandRequested;
import io.homeport.platform.problem.Problem;
import io.homeport.platform.problem.ProblemException;
import io.homeport.platform.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * One-shot commands on their way to agents and back. A command goes to the host's agent when it is connected to
 * this replica; one requested on Kafka for an agent that is not connected here waits until the agent connects or
 * the command expires. Progress and results are accepted only from the host the command was sent to, relayed as
 * events, and hand the result to the API caller waiting for it.
 */
@ApplicationScoped
public class AgentCommands {

    private static final Logger LOG = Logger.getLogger(AgentCommands.class);

    /** A command sent to an agent, until its result arrives or it expires. */
    private record Pending(UUID hostId, String kind, Instant expiresAt, CompletableFuture<Frame.Result> answer) {
    }

    private final AgentSessions sessions;
    private final AgentEvents events;
    private final Clock clock = Clock.systemUTC();
    private final Map<UUID, Pending> pending = new ConcurrentHashMap<>();
    private final Map<UUID, Queue<AgentCommandRequested>> held = new ConcurrentHashMap<>();

    AgentCommands(AgentSessions sessions, AgentEvents events) {
        this.sessions = sessions;
        this.events = events;
    }

    /**
     * Sends a command to the host's agent and completes with its result; fails with a problem when the agent is not
     * connected (409) or does not answer within {@code timeout} (504).
     */
    public CompletableFuture<Frame.Result> run(UUID hostId, Frame.Command command, Duration timeout) {
        CompletableFuture<Frame.Result> answer = new CompletableFuture<>();
        if (!deliver(hostId, command, clock.instant().plus(timeout), answer)) {
            throw new ProblemException(ProblemType.CONFLICT, "the agent of host " + hostId + " is not connected");
        }
        return answer.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((result, failure) -> pending.remove(command.id()))
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(failure instanceof TimeoutException
                        ? new ProblemException(Problem.ofStatus(504, "the agent of host " + hostId
                                + " did not answer within " + timeout.toSeconds() + " s"))
                        : failure));
    }

    /** A command requested on Kafka. */
    void requested(AgentCommandRequested request) {
        if (!clock.instant().isBefore(request.expiresAt())) {
            return;
        }
        Frame.Command command = new Frame.Command(request.commandId(), request.kind(), request.args());
        if (!deliver(request.hostId(), command, request.expiresAt(), null)) {
            held.computeIfAbsent(request.hostId(), host -> new ConcurrentLinkedQueue<>()).add(request);
        }
    }

    /** The host's agent said hello here: what waited for it goes out now. */
    void connected(UUID hostId) {
        Queue<AgentCommandRequested> waiting = held.remove(hostId);
        if (waiting != null) {
            waiting.forEach(this::requested);
        }
    }

    void progress(UUID hostId, Frame.Progress progress) {
        if (sentTo(hostId, progress.commandId()) != null) {
            events.commandProgress(hostId, progress);
        }
    }

    void result(UUID hostId, Frame.Result result) {
        Pending sent = sentTo(hostId, result.commandId());
        if (sent == null) {
            return;
        }
        pending.remove(result.commandId());
        String output = Commands.LOGS.equals(sent.kind())
                ? result.succeeded() ? result.output().lines().count() + " lines, delivered to the caller only" : null
                : result.output();
        events.commandCompleted(hostId, sent.kind(), result, output);
        if (sent.answer() != null) {
            sent.answer().complete(result);
        }
    }

    private boolean deliver(UUID hostId, Frame.Command command, Instant expiresAt,
            CompletableFuture<Frame.Result> answer) {
        forgetExpired();
        pending.put(command.id(), new Pending(hostId, command.kind(), expiresAt, answer));
        if (sessions.send(hostId, command)) {
            return true;
        }
        pending.remove(command.id());
        return false;
    }

    /** The command, when it was sent to this host; anything else from an agent is ignored. */
    private Pending sentTo(UUID hostId, UUID commandId) {
        Pending sent = commandId == null ? null : pending.get(commandId);
        if (sent == null || !sent.hostId().equals(hostId)) {
            LOG.debugf("Ignoring an answer from host %s to command %s, not sent to it here", hostId, commandId);
            return null;
        }
        return sent;
    }

    private void forgetExpired() {
        Instant now = clock.instant();
        pending.values().removeIf(sent -> sent.answer() == null && now.isAfter(sent.expiresAt()));
        for (UUID host : held.keySet()) {
            held.computeIfPresent(host, (id, queue) -> {
                queue.removeIf(request -> now.isAfter(request.expiresAt()));
                return queue.isEmpty() ? null : queue;
            });
        }
    }
}
