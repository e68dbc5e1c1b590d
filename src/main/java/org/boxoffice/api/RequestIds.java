package org.boxoffice.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every request an id: the client's {@code X-Request-Id} when it sends a sensible one, a new UUID
 * otherwise. The id goes into the log lines of the request (MDC {@code requestId}), back in the
 * {@code X-Request-Id} response header, and into every problem document as {@code request_id}, so a
 * client's complaint can be matched to the server's logs.
 */
@Provider
@PreMatching
public class RequestIds implements ContainerRequestFilter, ContainerResponseFilter {

    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    private static final Pattern SENSIBLE = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    @Override
    public void filter(ContainerRequestContext request) {
        String given = request.getHeaderString(HEADER);
        String id = given != null && SENSIBLE.matcher(given).matches() ? given : newId();
        request.setProperty(MDC_KEY, id);
        MDC.put(MDC_KEY, id);
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

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(MDC_KEY);
        if (id == null) {
            return;
        }
        response.getHeaders().putSingle(HEADER, id);
        if (response.getEntity() instanceof Problem problem) {
            response.setEntity(problem.forRequest(id.toString()));
        }
        MDC.remove(MDC_KEY);
    }
}
