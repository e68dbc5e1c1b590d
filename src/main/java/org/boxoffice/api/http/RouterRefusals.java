package org.boxoffice.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.VertxException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refusals the router makes before any route runs, as problem documents. Vert.x Web fails a request with a
 * bare status when an HTTP/1.1 request has no {@code Host} or one it cannot parse (400), or when its path
 * does not start with {@code /} (404); left to Quarkus, those answer an empty body, or its own
 * {@code {"details":...}} JSON and an error in the log. Failures with any other exception are not ours to
 * answer here: Quarkus's handler knows the security ones, and the REST layer maps its own.
 */
@ApplicationScoped
public class RouterRefusals {

    private final ObjectMapper json;

    public RouterRefusals(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::answer);
    }

    private void answer(RoutingContext context) {
        int status = context.statusCode();
        if (!refusedByHttpLayer(context) || status < 400 || status >= 500 || context.response().headWritten()) {
            context.next();
            return;
        }
        Problem problem = status == 400 && context.request().authority() == null
                ? Problems.problem("bad-host", "Bad Request", 400,
                        "The request has no Host header, or one that is not a host name or address with an optional"
                                + " port; nothing was changed.")
                : Problems.forStatus(status, HttpResponseStatus.valueOf(status).reasonPhrase());
        Problems.refuse(context, json, problem);
    }

    /** A bare status, or one with Vert.x's own exception (which says, for example, that Host is missing). */
    private static boolean refusedByHttpLayer(RoutingContext context) {
        Throwable failure = context.failure();
        return failure == null || failure.getClass() == VertxException.class;
    }
}
