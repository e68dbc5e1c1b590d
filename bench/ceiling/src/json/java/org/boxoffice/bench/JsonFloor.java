package org.boxoffice.bench;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The HTTP and JSON exchanges of bench/run.sh's scenarios (a) and (c), with nothing behind them: the
 * same request bodies read into records, answers of the same shape and size written back, on the event
 * loop. What these cost is what Quarkus REST and Jackson cost for those exchanges, whatever a service
 * does; the difference to Box Office is Box Office's own work (validation, the store, its metrics).
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class JsonFloor {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record BookingRequest(String eventId, List<Integer> seats) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record BookingAnswer(UUID bookingId, String status, UUID eventId, int[] seats, Instant createdAt) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SeatCounts(int totalSeats, int bookedSeats, int availableSeats, int heldSeats) {
    }

    /** The answer to (c), made up: four counts of an event. */
    static final SeatCounts COUNTS = new SeatCounts(1_000_000, 160_000, 840_000, 0);

    /** The answer to (a), made up: the requested seats booked under a new id; nothing is kept. */
    static BookingAnswer answer(BookingRequest request) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int[] seats = request.seats().stream().mapToInt(Integer::intValue).toArray();
        return new BookingAnswer(new UUID(random.nextLong(), random.nextLong()), "confirmed",
                UUID.fromString(request.eventId()), seats, Instant.now());
    }

    /** As (a): a booking request in, 201 with a Location and the booking out. */
    @POST
    @Path("bookings")
    @NonBlocking
    public RestResponse<BookingAnswer> book(BookingRequest request) {
        BookingAnswer answer = answer(request);
        return RestResponse.ResponseBuilder.<BookingAnswer>create(RestResponse.Status.CREATED)
                .header(HttpHeaders.LOCATION, "/bookings/" + answer.bookingId()).entity(answer).build();
    }

    /** As (c). */
    @GET
    @Path("events/{event_id}/seats")
    @NonBlocking
    public SeatCounts seats(@PathParam("event_id") String eventId) {
        return COUNTS;
    }
}
