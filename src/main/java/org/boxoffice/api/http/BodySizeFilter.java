package org.boxoffice.api.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses request bodies larger than any request of this API needs (a booking of 50 seats is well
 * under 1 KiB; a new event's venue layout, a few tens of KiB for 100,000 seats) before they are read:
 * 413 problem+json. A body without a declared length (chunked) is counted as it is read
 * ({@link ChunkedBodySizeFilter}).
 */
@Provider
@PreMatching
public class BodySizeFilter implements ContainerRequestFilter {

    static final int MAX_BODY_BYTES = 16 * 1024;
    /** For {@code POST /events}, whose layout lists every row of the venue. */
    static final int MAX_EVENT_BODY_BYTES = 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        int limit = limit(request);
        if (request.getLength() > limit) {
            request.abortWith(tooLarge(limit));
        }
    }

    static int limit(ContainerRequestContext request) {
        boolean newEvent = "POST".equals(request.getMethod()) && "/events".equals(request.getUriInfo().getPath());
        return newEvent ? MAX_EVENT_BODY_BYTES : MAX_BODY_BYTES;
    }

    static Response tooLarge(int limit) {
        return Problems.builder(problem(limit)).build();
    }

    static Problem problem(int limit) {
        return Problems.problem("body-too-large", "Content Too Large", 413,
                "The request body is larger than " + limit + " bytes; nothing was changed.");
    }
}
