package org.boxoffice.api.http;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Gives every request an id: the client's {@code X-Request-Id} when it sends a sensible one, a new UUID
 * otherwise. The id goes into the log lines of the request (MDC {@code requestId}), back in the
 * {@code X-Request-Id} response header, and into every problem document as {@code request_id}
 * ({@link Problems#builder}), so a client's complaint can be matched to the server's logs.
 *
 * <p>One filter on the Vert.x request, before matching: the header goes straight onto the Vert.x
 * response, and the MDC lives in the request's own Vert.x context (Quarkus's MDC), which ends with the
 * request and follows it to a worker thread. JAX-RS request and response filters would take two
 * passes and build header maps for the purpose, on every request.
 */
public class RequestIds {

    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    private static final Pattern SENSIBLE = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    /** First of the filters, so that a request another filter refuses (413, 429) is answered with its id too. */
    @ServerRequestFilter(preMatching = true, priority = Priorities.HEADER_DECORATOR)
    public void identify(HttpServerRequest request) {
        String given = request.getHeader(HEADER);
        String id = given != null && SENSIBLE.matcher(given).matches() ? given : newId();
        MDC.put(MDC_KEY, id);
        request.response().putHeader(HEADER, id);
    }

    /** The id of the request being answered, or null outside of one. */
    static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }

    /**
     * A random (version 4) UUID from a thread-local generator: request ids need to be unique, not
     * unguessable, and {@link UUID#randomUUID} would make every request queue on one SecureRandom.
     */
    private static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
