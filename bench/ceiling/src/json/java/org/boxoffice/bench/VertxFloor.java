package org.boxoffice.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * The same two exchanges as {@link JsonFloor} on plain Vert.x Web routes under {@code /vertx}, with no
 * Quarkus REST in between: what the floors would be for a service that routed, read and wrote its
 * requests by hand. bench/run.sh measures them in the build with Box Office's extensions.
 */
@Singleton
public class VertxFloor {

    void routes(@Observes Router router, ObjectMapper json) {
        router.post("/vertx/bookings").handler(BodyHandler.create()).handler(rc -> {
            try {
                JsonFloor.BookingAnswer answer = JsonFloor.answer(
                        json.readValue(rc.body().buffer().getBytes(), JsonFloor.BookingRequest.class));
                rc.response().setStatusCode(201).putHeader("Location", "/bookings/" + answer.bookingId())
                        .putHeader("Content-Type", "application/json")
                        .end(Buffer.buffer(json.writeValueAsBytes(answer)));
            } catch (Exception e) {
                rc.fail(400, e);
            }
        });
        router.get("/vertx/events/:event_id/seats").handler(rc -> {
            try {
                rc.response().putHeader("Content-Type", "application/json")
                        .end(Buffer.buffer(json.writeValueAsBytes(JsonFloor.COUNTS)));
            } catch (Exception e) {
                rc.fail(500, e);
            }
        });
    }
}
