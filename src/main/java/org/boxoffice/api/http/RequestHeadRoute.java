package org.boxoffice.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;

/**
 * The limits on a request's line and headers, answered as problem documents. Vert.x refuses a request line
 * or headers over its own limits in its decoder, before any route, with an empty 414 or 431 that no hook of
 * Quarkus can change. So its limits are set well above ours ({@code quarkus.http.limits.max-initial-line-length}
 * and {@code max-header-size} in application.properties) and this route, first of all, applies ours. Only a
 * request over Vert.x's higher limits still gets its empty answer.
 */
@ApplicationScoped
public class RequestHeadRoute {

    /** The longest request line (method, path with query, version) we take. */
    public static final int MAX_REQUEST_LINE = 4096;
    /** The most header bytes (names, values and their separators) we take. */
    public static final int MAX_HEADER_BYTES = 20 * 1024;

    private final ObjectMapper json;

    public RequestHeadRoute(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2).handler(this::refuseOversized);
    }

    private void refuseOversized(RoutingContext context) {
        HttpServerRequest request = context.request();
        int line = request.method().name().length() + request.uri().length() + " HTTP/1.1".length() + 1;
        if (line > MAX_REQUEST_LINE) {
            Problems.refuse(context, json, Problems.problem("uri-too-long", "URI Too Long", 414, "The request line (method, path and"
                    + " query) is longer than " + MAX_REQUEST_LINE + " bytes; nothing was changed."));
        } else if (headerBytes(request) > MAX_HEADER_BYTES) {
            Problems.refuse(context, json, Problems.problem("headers-too-large", "Request Header Fields Too Large", 431,
                    "The request's headers are larger than " + MAX_HEADER_BYTES + " bytes; nothing was changed."));
        } else {
            context.next();
        }
    }

    private static int headerBytes(HttpServerRequest request) {
        int bytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            bytes += header.getKey().length() + header.getValue().length() + 4; // ": " and CRLF
        }
        return bytes;
    }
}
