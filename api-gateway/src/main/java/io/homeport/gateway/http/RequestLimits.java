package io.homeport.gateway.http;

import io.homeport.gateway.config.GatewayConfig;
import io.homeport.platform.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Size limits answered in problem+json. Quarkus itself refuses a body whose {@code Content-Length} passes
 * {@code quarkus.http.limits.max-body-size} with an empty 413; this answers first, with a problem, and reads a
 * chunked body itself to the limit (answering 413 problem past it). An HTTP/2 body of no declared length is left
 * to Quarkus (an empty 413): the REST layer cannot take an HTTP/2 body that was read before it.
 * Headers past {@code homeport.gateway.limits.max-header-size} get 431 problem (Vert.x refuses only those past its
 * own, larger {@code quarkus.http.limits.max-header-size}, without a body), and request lines past
 * {@code homeport.gateway.limits.max-request-line} 414 problem (likewise below
 * {@code quarkus.http.limits.max-initial-line-length}).
 */
@ApplicationScoped
class RequestLimits {

    private final long maxBodySize;
    private final long maxHeaderSize;
    private final int maxRequestLine;
    private final ProblemResponses problems;
    /**
     * Reads a chunked body up to the limit, failing the request with 413 past it;
     * the REST layer then takes the body read. (Quarkus would cut it off itself, but answer 413 without a body.)
     */
    private final BodyHandler chunkedBodies;

    RequestLimits(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            GatewayConfig config, ProblemResponses problems) {
        this.maxBodySize = maxBodySize.asLongValue();
        this.maxHeaderSize = config.limits().maxHeaderSize().asLongValue();
        this.maxRequestLine = config.limits().maxRequestLine();
        this.problems = problems;
        this.chunkedBodies = BodyHandler.create(false).setBodyLimit(this.maxBodySize);
    }

    void handle(RoutingContext context) {
        int requestLine = context.request().method().name().length() + context.request().uri().length() + 10;
        if (requestLine > maxRequestLine) {
            problems.send(context, Problem.ofStatus(414, "The request line takes " + requestLine
                    + " bytes; at most " + maxRequestLine + " are accepted"));
            return;
        }
        long headers = 0;
        for (Map.Entry<String, String> header : context.request().headers()) {
            headers += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headers > maxHeaderSize) {
            problems.send(context, Problem.ofStatus(431, "The request headers take " + headers
                    + " bytes; at most " + maxHeaderSize + " are accepted"));
            return;
        }
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && tooLarge(length)) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            problems.send(context, Problem.ofStatus(413, "The request body has " + length
                    + " bytes; at most " + maxBodySize + " are accepted"));
            return;
        }
        if (length == null && context.request().version() != HttpVersion.HTTP_2
                && context.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            chunkedBodies.handle(context);
            return;
        }
        context.next();
    }

    /** A chunked body that grew past the limit while {@link #chunkedBodies} read it. */
    void failed(RoutingContext context) {
        if (context.statusCode() != 413 || context.response().ended()) {
            context.next();
            return;
        }
        context.response().putHeader(HttpHeaders.CONNECTION, "close");
        problems.send(context, Problem.ofStatus(413, "The request body has more than " + maxBodySize
                + " bytes; at most " + maxBodySize + " are accepted"));
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBodySize;
        } catch (NumberFormatException e) {
            // Netty refuses a malformed Content-Length before any handler sees it; nothing to add here
            return false;
        }
    }
}
