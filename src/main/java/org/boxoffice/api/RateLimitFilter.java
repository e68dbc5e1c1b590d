package org.boxoffice.api;

import org.boxoffice.api.http.Callers;
import org.boxoffice.api.http.Problems;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.boxoffice.service.BoxOfficeConfig;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * A token bucket per verified caller: {@code boxoffice.rate-limit.requests-per-second} sustained,
 * {@code burst} at once; past that, 429 with {@code Retry-After}. Per instance: a deployment of many
 * instances allows as many times the rate (on AWS Lambda, where an environment serves one request at
 * a time, API Gateway's throttling is what limits callers). With authentication off there is one
 * caller for everybody, so nobody is limited.
 *
 * <p>An operation anyone may call without a token ({@link Unauthenticated}: the schedulers'
 * {@link ScheduledResource}, the scanners' {@link CheckinKeysResource}) has no caller to count by: all its
 * callers share one bucket per resource on this instance, {@link #ANYONE_PER_SECOND} a second with a burst of {@link #ANYONE_BURST}, far above a
 * scheduler's one call a minute or a scanner's one read of the keys at start.
 */
// Caffeine picks its classes for this cache's features by name, reflectively: a native image must hold them.
@RegisterForReflection(classNames = {"com.github.benmanes.caffeine.cache.SSMSA", "com.github.benmanes.caffeine.cache.PSAMS"})
@ApplicationScoped
public class RateLimitFilter {

    /** At most this many callers' buckets are kept; past that, the least used make way. */
    private static final int MAX_CALLERS = 100_000;

    static final int ANYONE_PER_SECOND = 1;
    static final int ANYONE_BURST = 5;

    private static final Uni<Response> NO_OBJECTION = Uni.createFrom().nullItem();

    private final Cache<String, Bucket> buckets;
    private final Map<Class<?>, Bucket> anyone = new ConcurrentHashMap<>();
    private final BoxOfficeConfig config;
    private final Callers callers;

    public RateLimitFilter(BoxOfficeConfig config, Callers callers) {
        this.config = config;
        this.callers = callers;
        // A bucket left alone long enough to refill is full again: forgetting it then changes nothing.
        int rate = Math.max(1, config.rateLimit().requestsPerSecond());
        long refillSeconds = Math.max(1, (config.rateLimit().burst() + rate - 1) / rate);
        this.buckets = Caffeine.newBuilder().maximumSize(MAX_CALLERS)
                .expireAfterAccess(Duration.ofSeconds(refillSeconds)).build();
    }

    /** Runs after authentication can be asked for, on the event loop: the caller comes as a {@link Uni}. */
    @ServerRequestFilter
    public Uni<Response> limit(ContainerRequestContext request, SimpleResourceInfo resource) {
        int rate = config.rateLimit().requestsPerSecond();
        if (rate == 0 || !callers.authenticationEnabled() || request.getUriInfo().getPath().startsWith("/q/")) {
            return NO_OBJECTION;
        }
        if (Unauthenticated.RESOURCES.contains(resource.getResourceClass())) {
            Bucket shared = anyone.computeIfAbsent(resource.getResourceClass(),
                    open -> new Bucket(ANYONE_PER_SECOND, ANYONE_BURST));
            return Uni.createFrom().item(refusal(shared.take(System.nanoTime()), "of this operation on this instance"));
        }
        return callers.verified().map(caller -> {
            Bucket bucket = buckets.get(caller.id(), id -> new Bucket(rate, config.rateLimit().burst()));
            return refusal(bucket.take(System.nanoTime()), "from this caller");
        });
    }

    /** Nothing when a token was had ({@code waitNanos <= 0}); otherwise the 429 naming the wait. */
    private static Response refusal(long waitNanos, String fromWhom) {
        if (waitNanos <= 0) {
            return null;
        }
        long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        return Problems.builder(Problems.problem("rate-limited", "Too Many Requests", 429,
                        "Too many requests " + fromWhom + "; retry after " + seconds + " s."))
                .header(HttpHeaders.RETRY_AFTER, seconds)
                .build();
    }

    /** Tokens refill continuously at {@code rate} per second, up to {@code burst}. */
    private static final class Bucket {
        private final double ratePerNano;
        private final double capacity;
        private double tokens;
        private long refilledAt;

        Bucket(int ratePerSecond, int burst) {
            this.ratePerNano = ratePerSecond / 1e9;
            this.capacity = burst;
            this.tokens = burst;
            this.refilledAt = System.nanoTime();
        }

        /** Takes a token and returns 0, or returns how long until one is due. */
        synchronized long take(long now) {
            tokens = Math.min(capacity, tokens + (now - refilledAt) * ratePerNano);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / ratePerNano);
        }
    }
}
