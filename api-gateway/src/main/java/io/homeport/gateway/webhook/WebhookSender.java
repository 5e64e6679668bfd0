package io.homeport.gateway.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * POSTs one delivery: the body in the webhook's format, signed, within the timeout; never follows a redirect. What
 * went wrong is said without the URL (a chat webhook's URL is its credential) and without the secret.
 */
@ApplicationScoped
public class WebhookSender {

    static final String USER_AGENT = "Homeport-Webhooks/1";
    private static final int ANSWER_EXCERPT = 200;

    private final HttpClient client;
    private final Duration timeout;

    WebhookSender(WebhookConfig config) {
        this.timeout = config.timeout();
        // HTTP/1.1: one request per delivery gains nothing from HTTP/2, and no h2c upgrade is offered to receivers
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public CompletableFuture<Deliveries.Outcome> send(Deliveries.Attempt attempt) {
        HttpRequest request;
        try {
            RenderedBody body = WebhookBodies.render(attempt.format(), attempt.event());
            long timestamp = Instant.now().getEpochSecond();
            HttpRequest.Builder builder = HttpRequest.newBuilder(attempt.url()).timeout(timeout)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.body()))
                    .header("Content-Type", body.contentType())
                    .header("User-Agent", USER_AGENT)
                    .header(WebhookSignature.EVENT_ID, attempt.event().id())
                    .header(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE, WebhookSignature.sign(attempt.secret(), timestamp,
                            body.body()));
            body.headers().forEach(builder::header);
            request = builder.build();
        } catch (RuntimeException e) {
            // e.g. an alert whose data does not read as one: no attempt will do better, but it is logged as one
            return CompletableFuture.completedFuture(new Deliveries.Outcome(null,
                    "cannot render the event as " + attempt.format().apiName() + ": " + e.getClass().getSimpleName()));
        }
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .thenApply(WebhookSender::outcome)
                .exceptionally(failure -> new Deliveries.Outcome(null, reason(failure)));
    }

    private static Deliveries.Outcome outcome(HttpResponse<InputStream> response) {
        String answer;
        try (InputStream body = response.body()) {
            answer = new String(body.readNBytes(ANSWER_EXCERPT), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            answer = "";
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Deliveries.Outcome(status, null);
        }
        return new Deliveries.Outcome(status, "HTTP " + status + (answer.isEmpty() ? "" : ": " + answer));
    }

    private String reason(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (cause instanceof HttpConnectTimeoutException) {
            return "could not connect within " + timeout.toMillis() + " ms";
        }
        if (cause instanceof HttpTimeoutException) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        if (cause instanceof ConnectException) {
            return "could not connect (refused or unreachable)";
        }
        // the exception's message may quote the URL: only its kind is kept
        return "failed: " + cause.getClass().getSimpleName();
    }
}
