package org.boxoffice.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body whose declared length is over {@code quarkus.http.limits.max-body-size} is refused by Quarkus's HTTP
 * layer before any filter of ours runs, with an empty 413. This route runs just before that one and gives the
 * same refusal as {@link BodySizeFilter}, a problem document, still without reading the body; like
 * Quarkus, it closes the connection after answering rather than read the rest.
 */
@ApplicationScoped
public class DeclaredBodySizeRoute {

    private final long maxBodySize;
    private final ObjectMapper json;

    public DeclaredBodySizeRoute(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            ObjectMapper json) {
        this.maxBodySize = maxBodySize.asLongValue();
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::refuseTooLarge);
    }

    private void refuseTooLarge(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (declaredLength(request) <= maxBodySize) {
            context.next();
            return;
        }
        boolean newEvent = "POST".equals(request.method().name()) && "/events".equals(request.path());
        int limit = newEvent ? BodySizeFilter.MAX_EVENT_BODY_BYTES : BodySizeFilter.MAX_BODY_BYTES;
        context.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE)
                .endHandler(ended -> request.connection().close());
        Problems.refuse(context, json, BodySizeFilter.problem(limit));
    }

    private static long declaredLength(HttpServerRequest request) {
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return declared == null ? -1 : Long.parseLong(declared.trim());
        } catch (NumberFormatException unreadable) {
            return -1; // Vert.x refuses it as a bad request itself
        }
    }
}
