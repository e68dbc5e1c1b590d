package org.boxoffice.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.Set;
import org.boxoffice.service.Deliveries;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Starts delivering the notifications of a change right after it is answered: a successful request
 * that may change something asks for a delivery run, which goes on a thread of its own, so the answer does
 * not wait for any receiver.
 */
public class DeliveryKick {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Deliveries deliveries;

    public DeliveryKick(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @ServerResponseFilter
    public void afterChange(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() < 300 && !SAFE_METHODS.contains(request.getMethod())
                && !request.getUriInfo().getPath().startsWith("/scheduled")) {
            deliveries.kick();
        }
    }
}
