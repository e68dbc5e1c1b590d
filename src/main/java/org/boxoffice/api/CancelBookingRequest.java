package org.boxoffice.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /bookings/{booking_id}/cancel}, optional: which seats to cancel; without it, all.
 * Read by hand from the raw body, so that a cancellation with no body and no content type (the seed's
 * {@code curl -X POST}) keeps working. Not a declared body, so registered for reflection here (a native
 * executable).
 */
@Schema(name = "CancelBooking")
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CancelBookingRequest(
        @Schema(description = "Seats of the booking to cancel; the rest stay booked", examples = "[3, 4]")
        List<Integer> seats) {

    /** The request in {@code body}, or empty without one; a body that is not this JSON is a 400 problem. */
    static Optional<CancelBookingRequest> read(ObjectMapper json, String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(json.readValue(body, CancelBookingRequest.class));
        } catch (JsonProcessingException unreadable) {
            throw new WebApplicationException(unreadable, Response.Status.BAD_REQUEST);
        }
    }
}
