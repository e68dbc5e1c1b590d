package org.boxoffice.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses request bodies larger than any request of this API needs (a booking of 50 seats is well
 * under 1 KiB; a new event's venue layout, a few tens of KiB for 100,000 seats) before they are read:
 * 413 problem+json. The HTTP layer's own limit ({@code quarkus.http.limits.max-body-size}) stops bodies
 * without a declared length.
 */
@Provider
@PreMatching
public class BodySizeFilter implements ContainerRequestFilter {

    static final int MAX_BODY_BYTES = 16 * 1024;
    /** For {@code POST /events}, whose layout lists every row of the venue. */
    static final int MAX_EVENT_BODY_BYTES = 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        boolean newEvent = "POST".equals(request.getMethod()) && "/events".equals(request.getUriInfo().getPath());
        int limit = newEvent ? MAX_EVENT_BODY_BYTES : MAX_BODY_BYTES;
        if (request.getLength() > limit) {
            request.abortWith(Problems.builder(Problems.problem("body-too-large", "Content Too Large", 413,
                    "The request body is larger than " + limit + " bytes; nothing was changed.")).build());
        }
    }
}
