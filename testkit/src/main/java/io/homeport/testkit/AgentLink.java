package io.homeport.testkit;

import io.homeport.agent.protocol.Frame;
import io.homeport.agent.protocol.Frames;
import io.homeport.agent.protocol.MessageAssembler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bare agent connection to the hub for tests: sends frames, collects what the hub sends and how the
 * connection ended. The real agent's connection lives in host-agent.
 */
public final class AgentLink implements AutoCloseable {

    /** How the hub closed the connection. */
    public record Closed(int code, String reason) {
    }

    /** A frame and when it arrived ({@link System#nanoTime()}). */
    public record Received(Frame frame, long nanoTime) {
    }

    private final WebSocket socket;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();

    private AgentLink(URI hub, String credential) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + credential)
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(hub, new Listener()).join();
    }

    /** Connects to {@code ws://host:port/api/v1/agents/connect}. */
    public static AgentLink connect(URI hub, String credential) {
        return new AgentLink(hub, credential);
    }

    public void send(Frame frame) {
        sendRaw(Frames.write(frame));
    }

    public void sendRaw(String text) {
        socket.sendText(text, true).join();
    }

    /** The next frame from the hub, or null after {@code timeout}. */
    public Frame next(Duration timeout) throws InterruptedException {
        Received next = nextReceived(timeout);
        return next == null ? null : next.frame();
    }

    /** The next frame from the hub with its arrival time, or null after {@code timeout}. */
    public Received nextReceived(Duration timeout) throws InterruptedException {
        return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** How the hub closed the connection, or null if it is still open after {@code timeout}. */
    public Closed closed(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception stillOpen) {
            return null;
        }
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final MessageAssembler messages = new MessageAssembler();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            String text = messages.append(data, last);
            if (text != null) {
                received.add(new Received(Frames.read(text), System.nanoTime()));
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(new Closed(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(new Closed(-1, String.valueOf(error.getMessage())));
        }
    }
}
