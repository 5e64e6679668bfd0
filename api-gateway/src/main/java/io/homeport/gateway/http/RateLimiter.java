package io.homeport.gateway.http;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.homeport.gateway.config.GatewayConfig;
import io.homeport.platform.problem.Problem;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per caller (Bucket4j): {@code rate} requests a second on average, {@code burst} at once; past it,
 * 429 problem with {@code Retry-After} (seconds until the next request is served, rounded up).
 *
 * <p>The buckets live in this replica's memory: with N replicas behind a balancer a caller may get up to N times
 * the rate. That bounds what one caller can make the gateway (and the services behind it) do, which is the point;
 * an exact cluster-wide limit would cost a shared store round trip on every request. A full bucket is the same as
 * a new one, so idle callers' buckets are dropped by {@link #forgetIdle()}.
 */
@ApplicationScoped
public class RateLimiter {

    private final GatewayConfig.RateLimit config;
    private final ProblemResponses problems;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(GatewayConfig config, ProblemResponses problems) {
        this.config = config.rateLimit();
        this.problems = problems;
    }

    /** Serves the request (next handler) or answers 429. */
    void handle(RoutingContext context, Caller caller) {
        ConsumptionProbe probe = buckets.computeIfAbsent(caller.key(), key -> newBucket())
                .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            context.next();
            return;
        }
        long retryAfter = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        context.response().putHeader("Retry-After", Long.toString(retryAfter));
        problems.send(context, Problem.ofStatus(429, "Rate limit of " + config.rate() + " requests per second"
                + " (bursts of " + config.burst() + ") exceeded; retry in " + retryAfter + " s"));
    }

    boolean enabled() {
        return config.enabled();
    }

    /** Drops the buckets that have refilled completely: a caller coming back gets an equal, new one. */
    void forgetIdle() {
        buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= config.burst());
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(config.burst())
                .refillGreedy(config.rate(), Duration.ofSeconds(1)).build()).build();
    }
}
