package org.boxoffice.api.http;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The byte limit of {@link BodySizeFilter} for bodies sent without a {@code Content-Length} (chunked): the
 * body is read as it arrives, without blocking the event loop, and counted; at the first byte too many
 * the answer is the same 413 problem, and nothing of the body is parsed.
 */
public class ChunkedBodySizeFilter {

    @ServerRequestFilter
    public Uni<Response> countChunkedBody(ContainerRequestContext request, HttpServerRequest http) {
        if (request.getLength() >= 0 || !request.hasEntity() || http.isEnded()) {
            return Uni.createFrom().nullItem();
        }
        int limit = BodySizeFilter.limit(request);
        return Uni.createFrom().emitter(answer -> {
            Buffer body = Buffer.buffer();
            boolean[] refused = {false};
            http.handler(chunk -> {
                if (refused[0]) {
                    return;
                }
                if (body.length() + chunk.length() > limit) {
                    refused[0] = true;
                    answer.complete(BodySizeFilter.tooLarge(limit));
                } else {
                    body.appendBuffer(chunk);
                }
            });
            http.exceptionHandler(answer::fail);
            http.endHandler(end -> {
                if (!refused[0]) {
                    request.setEntityStream(new ByteArrayInputStream(body.getBytes()));
                    answer.complete(null);
                }
            });
            http.resume();
        });
    }
}
